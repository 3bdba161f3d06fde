package dev.shortstack.redirect.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.click.GroupCommitClickPublisher;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.link.Link;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(EmulatorsExtension.class)
class VisitLimitIntegrationTest {

    @Test
    void fiftyConcurrentVisitorsOfALinkLimitedToTenGetExactlyTenVisits(EmulatedAws aws) throws Exception {
        Stage stage = aws.provision("v" + UUID.randomUUID().toString().substring(0, 8));
        DynamoVisitCounter counter = new DynamoVisitCounter(aws.dynamo(), stage.resourceEnv().get(EnvNames.VISITS_TABLE));
        Link link = link(10L);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> grants = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            grants.add(pool.submit(() -> {
                start.await();
                return counter.tryConsume(link);
            }));
        }
        start.countDown();
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> grant : grants) {
            results.add(grant.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(Collections.frequency(results, true)).isEqualTo(10);
        assertThat(counter.used(link.linkId())).isEqualTo(10);
    }

    @Test
    void theVisitsOfAPageOfLinksAreReadTogetherExactlyEvenPastOneHundred(EmulatedAws aws) {
        Stage stage = aws.provision("b" + UUID.randomUUID().toString().substring(0, 8));
        DynamoVisitCounter counter = new DynamoVisitCounter(aws.dynamo(), stage.resourceEnv().get(EnvNames.VISITS_TABLE));
        java.util.Map<String, Long> expected = new java.util.HashMap<>();
        for (int i = 0; i < 150; i++) {
            Link link = link(5L);
            int visits = i % 7;   // 0 to 6: 5 and 6 meet the limit, and the sixth try is refused
            for (int v = 0; v < visits; v++) {
                counter.tryConsume(link);
            }
            expected.put(link.linkId(), (long) Math.min(visits, 5));
        }

        assertThat(counter.used(expected.keySet())).isEqualTo(expected);
    }

    @Test
    void clickEventsArriveOnTheQueueAsSchemaVersionedJson(EmulatedAws aws) throws Exception {
        Stage stage = aws.provision("q" + UUID.randomUUID().toString().substring(0, 8));
        String queueUrl = stage.queueUrl(ShortstackResources.CLICKS);
        ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "s", "l", "w",
                "2026-11-28T09:30:00Z", "GET", 302, "ua", null, null, "FR", "hash");

        new GroupCommitClickPublisher(aws.sqs(), queueUrl, Json.mapper()).publish(event);

        List<Message> received = aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)).messages();
        assertThat(received).hasSize(1);
        JsonNode body = Json.mapper().readTree(received.get(0).body());
        assertThat(body.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.has("referrer")).as("absent values are left out").isFalse();
        assertThat(Json.mapper().treeToValue(body, ClickEvent.class)).isEqualTo(event);
    }

    private static Link link(Long maxVisits) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Link("limited", UUID.randomUUID().toString(), "ws", "https://example.com", 302, t, t, null, maxVisits,
                List.of(), false, 1, "k");
    }
}
