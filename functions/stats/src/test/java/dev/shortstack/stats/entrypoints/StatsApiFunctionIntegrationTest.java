package dev.shortstack.stats.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.stats.CompactionRequest;
import dev.shortstack.shared.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stats routes driven by the sample events in {@code events/stats/}, computed from the archive. */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsApiFunctionIntegrationTest {
    private StatsApiTestbed testbed;

    @BeforeAll
    void setUp(EmulatedAws aws) {
        testbed = new StatsApiTestbed(aws);
    }

    @Test
    void aLinksStatsCoverExactlyTheLocalDaysAskedFor() {
        JsonNode response = testbed.invoke(event("stats/link-stats.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("cache-control").asText()).isEqualTo("no-store");
        JsonNode stats = Fixtures.body(response);
        assertThat(stats.path("linkId").asText()).isEqualTo(testbed.launch.linkId());
        assertThat(stats.path("totals").toString()).as("visitor a on two UTC days, b once")
                .isEqualTo("{\"human\":3,\"bot\":1,\"unique\":3}");
        assertThat(stats.path("series").toString()).isEqualTo("[{\"start\":\"2026-11-26T00:00+01:00\",\"human\":2,\"bot\":0},"
                + "{\"start\":\"2026-11-27T00:00+01:00\",\"human\":1,\"bot\":1}]");
        assertThat(stats.path("breakdowns").path("country").toString())
                .isEqualTo("[{\"value\":\"DE\",\"clicks\":2},{\"value\":\"FR\",\"clicks\":1}]");
        assertThat(stats.path("breakdowns").path("bot").toString()).isEqualTo("[{\"value\":\"Slackbot\",\"clicks\":1}]");
        assertThat(stats.path("breakdowns").path("language").toString()).isEqualTo("[{\"value\":\"de\",\"clicks\":3}]");
        assertThat(stats.path("uniqueVisitors").asText()).contains("per UTC day");
    }

    @Test
    void theWorkspaceOverviewCountsUtcDaysAndTopLinksByLinkId() {
        JsonNode stats = Fixtures.body(testbed.invoke(event("stats/workspace-stats.json")));

        assertThat(stats.path("totals").toString()).isEqualTo("{\"human\":3,\"bot\":1}");
        assertThat(stats.path("series").toString()).isEqualTo("[{\"start\":\"2026-11-26\",\"human\":1,\"bot\":0},"
                + "{\"start\":\"2026-11-27\",\"human\":2,\"bot\":1}]");
        assertThat(stats.path("topLinks").toString()).isEqualTo("[{\"linkId\":\"" + testbed.launch.linkId()
                + "\",\"slug\":\"launch-2026\",\"human\":3,\"bot\":1}]");
    }

    @Test
    void aPageOfLinksGetsItsClickCountsInOneRequest() {
        JsonNode totals = Fixtures.body(testbed.invoke(event("stats/link-totals.json")));

        assertThat(totals.path("links").toString()).isEqualTo("[{\"slug\":\"launch-2026\",\"key\":\"launch-2026\",\"linkId\":\""
                + testbed.launch.linkId() + "\",\"human\":4,\"bot\":1},{\"slug\":\"spring-sale\",\"key\":\"spring-sale\",\"linkId\":\""
                + totals.path("links").get(1).path("linkId").asText()
                + "\",\"human\":0,\"bot\":0}]");
    }

    @Test
    void anAdminStartsACompactionOfClosedDaysOneMessagePerDay(EmulatedAws aws) throws Exception {
        aws.sqs().purgeQueue(r -> r.queueUrl(testbed.compactionQueueUrl()));
        JsonNode response = testbed.invoke(event("stats/start-compaction.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(202);
        JsonNode job = Fixtures.body(response);
        assertThat(response.path("headers").path("location").asText()).isEqualTo("/v1/stats/compactions/" + job.path("id").asText());
        assertThat(job.path("status").asText()).isEqualTo("queued");
        assertThat(job.path("daysTotal").asInt()).isEqualTo(2);
        List<CompactionRequest> queued = aws.sqs().receiveMessage(r -> r.queueUrl(testbed.compactionQueueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages().stream().map(m -> read(m.body())).toList();
        assertThat(queued).containsExactlyInAnyOrder(new CompactionRequest(job.path("id").asText(), "2026-11-26", null),
                new CompactionRequest(job.path("id").asText(), "2026-11-27", null));
    }

    private static CompactionRequest read(String body) {
        try {
            return Json.mapper().readValue(body, CompactionRequest.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
