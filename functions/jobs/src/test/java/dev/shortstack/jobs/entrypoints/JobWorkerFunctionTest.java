package dev.shortstack.jobs.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.jobs.testing.JobsHarness;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.ImportRequest;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker driven by the SQS event fixtures in events/jobs. */
@ExtendWith(EmulatorsExtension.class)
class JobWorkerFunctionTest {
    private JobsHarness harness;
    private JobWorkerFunction function;

    @BeforeEach
    void setUp(EmulatedAws aws) {
        harness = new JobsHarness(aws, Map.of());
        function = new JobWorkerFunction(harness.deps());
    }

    @Test
    void s3sUploadNotificationPlansTheImportAndQueuesItsChunks() throws Exception {
        Job job = harness.jobs().createImport(JobsHarness.CALLER,
                new ImportRequest(ImportFormat.BITLY_CSV, List.of(), OptionalLong.empty())).job();
        harness.deps().files().put(job.sourceKey(),
                "Short link,Long URL\nbit.ly/fixture1,https://example.com/1\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        ObjectNode event = event("jobs/upload-notification.json");
        JsonNode s3Event = Json.mapper().readTree(event.at("/Records/0/body").asText());
        ((ObjectNode) s3Event.at("/Records/0/s3/object")).put("key", job.sourceKey());
        ((ObjectNode) event.at("/Records/0")).put("body", s3Event.toString());

        JsonNode response = LambdaInvoker.invoke(function, "jobs-worker", event);

        assertThat(response.path("batchItemFailures")).isEmpty();
        Job planned = harness.jobs().get(JobsHarness.CALLER, job.jobId());
        assertThat(planned.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(planned.rowsTotal()).isEqualTo(1);
        assertThat(planned.chunksQueued()).isTrue();
        assertThat(harness.drain()).as("the one chunk").isEqualTo(1);
        assertThat(harness.jobs().get(JobsHarness.CALLER, job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(harness.links()).extracting(l -> l.slug()).containsExactly("fixture1");
    }

    @Test
    void s3sTestEventIsAcknowledgedAndAnUnknownMessageComesBack() {
        JsonNode test = LambdaInvoker.invoke(function, "jobs-worker", event("jobs/s3-test-event.json"));
        JsonNode unknown = LambdaInvoker.invoke(function, "jobs-worker", event("jobs/unknown-message.json"));

        assertThat(test.path("batchItemFailures")).isEmpty();
        assertThat(unknown.path("batchItemFailures")).extracting(f -> f.path("itemIdentifier").asText())
                .containsExactly("7b2b0f4e-0000-4c1f-9a77-3c1d1f0a2b3c");
        assertThat(harness.drain()).isZero();
    }
}
