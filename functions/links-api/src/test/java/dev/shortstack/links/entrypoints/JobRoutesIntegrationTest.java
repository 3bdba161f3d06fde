package dev.shortstack.links.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.links.testing.DynamoHarness;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/** The batch job routes driven by the fixtures, against the emulators (DynamoDB, SQS, S3 over HTTP). */
@ExtendWith(EmulatorsExtension.class)
class JobRoutesIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private DynamoHarness harness;
    private EmulatedAws aws;

    @BeforeEach
    void setUp(EmulatedAws aws) {
        this.aws = aws;
        this.harness = new DynamoHarness(aws, 8);
    }

    @Test
    void anImportGetsAPresignedUploadUrlThatAcceptsTheFileAndStartQueuesItsPlan() throws Exception {
        JsonNode created = invoke(event("links-api/create-import.json"), 202);
        String jobId = created.path("id").asText();
        assertThat(created.path("status").asText()).isEqualTo("queued");
        assertThat(created.path("format").asText()).isEqualTo("bitly-csv");
        assertThat(created.path("onInvalidSlug").asText()).as("the default").isEqualTo("reject");
        assertThat(created.path("progress").path("rowsRenamed").asLong(-1)).isZero();
        assertThat(created.path("upload").path("method").asText()).isEqualTo("PUT");

        JsonNode early = invoke(path(event("links-api/create-import.json"), "POST", "/v1/imports/" + jobId + "/start"), 409);
        assertThat(early.path("type").asText()).isEqualTo("urn:shortstack:problem:upload-missing");

        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(created.path("upload").path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofString("Short link,Long URL\nbit.ly/abc,https://example.com\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        JsonNode started = invoke(path(event("links-api/create-import.json"), "POST", "/v1/imports/" + jobId + "/start"), 202);

        assertThat(started.path("id").asText()).isEqualTo(jobId);
        assertThat(jobMessages()).containsExactly("{\"type\":\"plan\",\"jobId\":\"" + jobId + "\"}");
    }

    @Test
    void aDeclaredSizeIsPartOfTheUploadSignature() throws Exception {
        JsonNode created = invoke(body(event("links-api/create-import.json"),
                "{\"format\":\"jsonl\",\"sizeBytes\":12,\"onInvalidSlug\":\"random\"}"), 202);
        assertThat(created.path("onInvalidSlug").asText()).isEqualTo("random");
        URI url = URI.create(created.path("upload").path("url").asText());
        assertThat(created.path("upload").path("headers").path("content-length").asText()).isEqualTo("12");

        int wrongSize = http.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://a.test\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        int rightSize = http.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"x\"}\n")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(wrongSize).isEqualTo(403);
        assertThat(rightSize).isEqualTo(200);
    }

    @Test
    void anInlineImportIsStoredAndPlannedAtOnceAndExportsAreQueued() throws Exception {
        JsonNode inline = invoke(event("links-api/create-import-inline.json"), 202);
        JsonNode export = invoke(event("links-api/create-export.json"), 202);

        assertThat(inline.path("format").asText()).isEqualTo("shortstack-csv");
        assertThat(inline.has("upload")).isFalse();
        assertThat(export.path("kind").asText()).isEqualTo("export");
        assertThat(export.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(jobMessages()).containsExactlyInAnyOrder(
                "{\"type\":\"plan\",\"jobId\":\"" + inline.path("id").asText() + "\"}",
                "{\"type\":\"export\",\"jobId\":\"" + export.path("id").asText() + "\"}");
        String stored = aws.s3().getObjectAsBytes(r -> r.bucket(harness.table(ShortstackResources.JOB_FILES.envVar()))
                .key("imports/" + inline.path("id").asText() + "/source")).asUtf8String();
        assertThat(stored).isEqualTo(event("links-api/create-import-inline.json").path("body").asText());
    }

    @Test
    void jobsAreListedNewestFirstPageByPageAndCancelledOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(invoke(event("links-api/create-export.json"), 202).path("id").asText());
        }
        JsonNode first = invoke(query(event("links-api/list-jobs.json"), "2"), 200);
        JsonNode second = invoke(query(event("links-api/list-jobs.json"), "2", first.path("nextCursor").asText()), 200);

        assertThat(first.path("items")).extracting(j -> j.path("id").asText()).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.path("items")).extracting(j -> j.path("id").asText()).containsExactly(ids.get(0));
        assertThat(second.path("nextCursor").isNull()).isTrue();

        JsonNode cancelled = invoke(path(event("links-api/create-export.json"), "POST", "/v1/jobs/" + ids.get(0) + "/cancel"), 200);
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("finishedAt").isNull()).isFalse();
        JsonNode again = invoke(path(event("links-api/create-export.json"), "POST", "/v1/jobs/" + ids.get(0) + "/cancel"), 409);
        assertThat(again.path("type").asText()).isEqualTo("urn:shortstack:problem:job-ended");
        JsonNode read = invoke(path(event("links-api/list-jobs.json"), "GET", "/v1/jobs/" + ids.get(0)), 200);
        assertThat(read.path("status").asText()).isEqualTo("cancelled");
    }

    private JsonNode invoke(ObjectNode event, int status) {
        JsonNode response = harness.api().invoke(event);
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(status);
        return Fixtures.body(response);
    }

    private List<String> jobMessages() {
        List<String> bodies = new ArrayList<>();
        List<Message> received;
        do {
            received = aws.sqs().receiveMessage(r -> r.queueUrl(harness.stage().queueUrl(ShortstackResources.JOBS_WORK))
                    .maxNumberOfMessages(10)).messages();
            received.forEach(m -> bodies.add(m.body()));
        } while (!received.isEmpty());
        return bodies;
    }

    private static ObjectNode body(ObjectNode event, String body) {
        event.put("body", body);
        return event;
    }

    private static ObjectNode query(ObjectNode event, String limit) {
        event.putObject("queryStringParameters").put("limit", limit);
        return event;
    }

    private static ObjectNode query(ObjectNode event, String limit, String cursor) {
        event.putObject("queryStringParameters").put("limit", limit).put("cursor", cursor);
        return event;
    }

    private static ObjectNode path(ObjectNode event, String method, String path) {
        event.put("rawPath", path);
        ObjectNode http = (ObjectNode) event.get("requestContext").get("http");
        http.put("method", method);
        http.put("path", path);
        return event;
    }
}
