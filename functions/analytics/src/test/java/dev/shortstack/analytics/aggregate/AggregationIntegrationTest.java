package dev.shortstack.analytics.aggregate;

import static dev.shortstack.analytics.AnalyticsFixture.BROWSER;
import static dev.shortstack.analytics.AnalyticsFixture.click;
import static dev.shortstack.analytics.AnalyticsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.analytics.AnalyticsFixture;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.analytics.store.CounterStore;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.observability.Observability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorsExtension.class)
class AggregationIntegrationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void aBatchIsCountedArchivedAndRebuiltExactlyEvenWhenDeliveredTwice(EmulatedAws aws) {
        AnalyticsFixture fixture = new AnalyticsFixture(aws);
        ClickAggregationService service = fixture.deps().aggregation(new Observability("aggregator"));
        List<SqsRecord> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String agent = i % 10 == 0 ? "Slackbot-LinkExpanding 1.0" : BROWSER;
            batch.add(message(click("link-" + (i % 5), "2026-11-27T" + String.format("%02d", i % 24) + ":15:00Z", agent), 1));
        }

        assertThat(service.process(batch)).isEmpty();
        assertThat(service.process(batch)).as("the same batch again (at-least-once delivery)").isEmpty();
        assertThat(fixture.realtimeClicks()).isEqualTo(400);

        assertThat(fixture.deps().rebuild().rebuildDay(DAY)).isEqualTo(200);
        assertThat(fixture.rebuiltClicks()).isEqualTo(200);
        long itemsAfterFirst = fixture.rebuiltHourItems();
        assertThat(fixture.deps().rebuild().rebuildDay(DAY)).isEqualTo(200);
        assertThat(fixture.rebuiltClicks()).isEqualTo(200);
        assertThat(fixture.rebuiltHourItems()).as("the previous generation is removed").isEqualTo(itemsAfterFirst);
    }

    @Test
    void onlyTheMessagesOfAFailedWriteAreRetriedAndUnreadableOnesAreReported(EmulatedAws aws) {
        AnalyticsFixture fixture = new AnalyticsFixture(aws);
        CounterStore real = fixture.deps().counters();
        CounterStore failingCountryOfLink1 = new CounterStore() {
            @Override
            public void add(CounterWrite write) {
                if (write.pk().startsWith("L#link-1#") && write.sk().endsWith("#D#country")) {
                    throw new IllegalStateException("injected write failure");
                }
                real.add(write);
            }

            @Override
            public void mergeSketch(SketchWrite write) {
                real.mergeSketch(write);
            }
        };
        ClickAggregationService service = fixture.withCounters(failingCountryOfLink1).aggregation(new Observability("aggregator"));
        List<ClickEvent> clicks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clicks.add(click("link-" + (i % 3), "2026-11-27T10:00:00Z", BROWSER));
        }
        List<SqsRecord> batch = new ArrayList<>(clicks.stream().map(c -> message(c, 1)).toList());
        batch.add(new SqsRecord("poison", "{\"schemaVersion\":1,", 1));

        Set<String> failed = service.process(batch);

        Set<String> link1 = clicks.stream().filter(c -> c.linkId().equals("link-1")).map(c -> c.clickId() + "-1").collect(Collectors.toSet());
        assertThat(failed).containsExactlyInAnyOrderElementsOf(concat(link1, "poison"));
        assertThat(fixture.realtimeClicks()).as("the other writes landed").isEqualTo(30);
    }

    @Test
    void whenTheArchiveIsDownNothingIsCountedAndEverythingIsRetried(EmulatedAws aws) {
        AnalyticsFixture fixture = new AnalyticsFixture(aws);
        var deps = fixture.deps();
        var broken = new dev.shortstack.analytics.entrypoints.AnalyticsDependencies(deps.classifier(), new dev.shortstack.analytics.store.ClickArchive() {
            @Override
            public void put(String key, byte[] gzippedJsonLines) {
                throw new IllegalStateException("S3 unavailable (test)");
            }

            @Override
            public List<String> list(String prefix) {
                return List.of();
            }

            @Override
            public byte[] get(String key) {
                throw new IllegalStateException();
            }
        }, deps.counters(), deps.rebuild(), deps.jobs(), deps.counterShards(), deps.clock());
        List<SqsRecord> batch = List.of(message(click("link-0", "2026-11-27T10:00:00Z", BROWSER), 1),
                message(click("link-1", "2026-11-27T10:00:00Z", BROWSER), 1));

        assertThat(broken.aggregation(new Observability("aggregator")).process(batch)).hasSize(2);
        assertThat(fixture.realtimeClicks()).isZero();
    }

    private static Set<String> concat(Set<String> ids, String extra) {
        Set<String> all = new java.util.HashSet<>(ids);
        all.add(extra);
        return all;
    }
}
