package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.testing.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhooks through the whole local system: links made, edited, deleted and clicked, an import and
 * an export, each event delivered to a receiver on loopback exactly as signed; then the receiver is
 * down for a minute while more happens, and once it is back every event arrives after retries, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksEndToEndTest {
    private static final Duration RECEIVER_DOWN = Duration.ofSeconds(60);
    private static final String DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Safari/537.36";
    private static final List<QueueDefinition> PIPELINE = List.of(ShortstackResources.CLICKS, ShortstackResources.JOBS_WORK,
            ShortstackResources.WEBHOOK_EVENTS, ShortstackResources.WEBHOOK_DELIVERIES);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final WebhookReceiver receiver = new WebhookReceiver();
    private LocalRunner runner;

    @BeforeAll
    void start() {
        // Retries after 1, 2, 4 then every 8 s; every batch of clicks asks afresh whether anyone subscribes.
        runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()).withFunctionSettings(Map.of(
                EnvNames.WEBHOOK_ALLOW_LOOPBACK, "true",
                EnvNames.WEBHOOK_RETRY_BASE_SECONDS, "1",
                EnvNames.WEBHOOK_RETRY_MAX_SECONDS, "8",
                EnvNames.WEBHOOK_SUBSCRIPTION_CACHE_SECONDS, "0")));
    }

    @AfterAll
    void stop() {
        runner.close();
        receiver.close();
    }

    @Test
    void everyEventArrivesExactlyAsSignedAndAfterAMinuteDownEveryOneArrivesOnceAfterRetries() throws Exception {
        JsonNode endpoint = json(send("POST", "/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"link.created\","
                + "\"link.updated\",\"link.deleted\",\"link.clicked\",\"import.finished\",\"export.finished\"]}", 201));
        String secret = endpoint.path("secret").asText();
        String log = "/v1/webhooks/" + endpoint.path("id").asText() + "/deliveries?limit=100";

        send("POST", "/v1/links", "{\"url\":\"https://example.com/a\",\"slug\":\"wh-a\"}", 201);
        send("POST", "/v1/links", "{\"url\":\"https://example.com/b\",\"slug\":\"wh-b\"}", 201);
        send("PATCH", "/v1/links/wh-a", "{\"title\":\"Edited\"}", 200);
        send("DELETE", "/v1/links/wh-b", null, 204);
        follow("wh-a", 3);
        send("POST", "/v1/imports?format=shortstack-csv", "url,slug\nhttps://example.com/i1,wh-i1\nhttps://example.com/i2,wh-i2\n", 202);
        send("POST", "/v1/exports", "{\"type\":\"links\",\"format\":\"jsonl\"}", 202);
        awaitQuiet();
        assertThat(receiver.received()).as("deliveries while the receiver is up").hasSize(json(get(log)).path("items").size());

        receiver.goDown();
        long downUntil = System.nanoTime() + RECEIVER_DOWN.toNanos();
        send("POST", "/v1/links", "{\"url\":\"https://example.com/c\",\"slug\":\"wh-c\"}", 201);
        send("POST", "/v1/links", "{\"url\":\"https://example.com/d\",\"slug\":\"wh-d\"}", 201);
        send("POST", "/v1/links", "{\"url\":\"https://example.com/e\",\"slug\":\"wh-e\"}", 201);
        follow("wh-c", 2);
        String dlq = runner.stage().deadLetterQueueUrl(ShortstackResources.WEBHOOK_DELIVERIES);
        while (System.nanoTime() < downUntil) {
            // The minute passes watching the dead-letter queue: nothing may end up there.
            assertThat(runner.aws().sqs().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1).visibilityTimeout(0)).messages())
                    .as("dead-lettered deliveries").isEmpty();
        }
        List<JsonNode> whileDown = items(json(get(log)));
        assertThat(whileDown).filteredOn(d -> d.path("status").asText().equals("pending"))
                .as("deliveries waiting for the receiver").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(d -> assertThat(d.path("attempts").asInt()).isGreaterThanOrEqualTo(3));
        receiver.comeBack();
        awaitQuiet();

        List<JsonNode> deliveries = items(json(get(log)));
        Map<String, JsonNode> byId = deliveries.stream().collect(Collectors.toMap(d -> d.path("id").asText(), Function.identity()));
        for (JsonNode delivery : deliveries) {
            List<JsonNode> attempts = items(delivery.path("attemptLog"));
            assertThat(delivery.path("status").asText()).as(delivery.path("id").asText()).isEqualTo("succeeded");
            assertThat(attempts).as("one success, last").filteredOn(a -> a.path("error").isNull()).hasSize(1);
            assertThat(attempts.get(attempts.size() - 1).path("statusCode").asInt()).isEqualTo(204);
        }
        // Each delivery reached the receiver once, with the body the log holds, signed with the endpoint's secret.
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received.stream().map(WebhookReceiver.Received::id).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(byId.keySet());
        for (WebhookReceiver.Received request : received) {
            assertThat(request.signedWith(secret)).as(request.id()).isTrue();
            assertThat(Json.mapper().readTree(request.body())).isEqualTo(byId.get(request.id()).path("payload"));
            assertThat(request.eventHeader()).isEqualTo(byId.get(request.id()).path("eventType").asText());
        }
        Map<String, Long> types = received.stream().map(r -> r.eventHeader()).collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(types).containsEntry("link.created", 5L).containsEntry("link.updated", 1L).containsEntry("link.deleted", 1L)
                .containsEntry("import.finished", 1L).containsEntry("export.finished", 1L);
        List<String> clicks = new ArrayList<>();
        List<String> clickedSlugs = new ArrayList<>();
        for (WebhookReceiver.Received request : received) {
            for (JsonNode click : Json.mapper().readTree(request.body()).path("data").path("clicks")) {
                clicks.add(click.path("clickId").asText());
                clickedSlugs.add(click.path("slug").asText());
            }
        }
        assertThat(clicks).as("every click once").hasSize(5).doesNotHaveDuplicates();
        assertThat(clickedSlugs).containsExactlyInAnyOrder("wh-a", "wh-a", "wh-a", "wh-c", "wh-c");
        assertThat(byId.values()).as("the deliveries made while it was down were retried")
                .filteredOn(d -> items(d.path("attemptLog")).size() > 1).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void targetsInsideTheNetworkAreRefusedEvenWithLoopbackAllowed() throws Exception {
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://10.0.0.8/hook", "http://example.com/hook",
                "https://[fd00:ec2::254]/hook", "https://metadata.google.internal/")) {
            JsonNode problem = json(send("POST", "/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"link.created\"]}", 400));
            assertThat(problem.path("errors").get(0).path("field").asText()).as(url).isEqualTo("url");
        }
    }

    /** Until everything the test did has run through: clicks and jobs, then events, then deliveries, all quiet at once. */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!PIPELINE.stream().allMatch(q -> QuietQueues.isQuiet(runner, runner.stage().queueUrl(q)))) {
            assertThat(System.nanoTime()).as("the pipeline drains").isLessThan(deadline);
            PIPELINE.forEach(queue -> QuietQueues.await(runner, queue, Duration.ofMinutes(3)));
        }
    }

    private void follow(String slug, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/" + slug))
                    .header("User-Agent", DESKTOP).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).as(slug).isEqualTo(302);
        }
    }

    private static List<JsonNode> items(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        (node.has("items") ? node.path("items") : node).forEach(items::add);
        return items;
    }

    private static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    private String get(String path) throws Exception {
        return send("GET", path, null, 200);
    }

    private String send(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("Authorization", "Bearer " + runner.adminKey())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", path.startsWith("/v1/imports?") ? "text/csv" : "application/json");
        }
        if (method.equals("PATCH") || method.equals("DELETE") && path.startsWith("/v1/links/")) {
            request.header("If-Match", "*");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }
}
