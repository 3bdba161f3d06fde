package dev.shortstack.analytics.aggregate;

import static dev.shortstack.analytics.AnalyticsFixture.BROWSER;
import static dev.shortstack.analytics.AnalyticsFixture.click;
import static dev.shortstack.analytics.AnalyticsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.analytics.AnalyticsFixture;
import dev.shortstack.analytics.entrypoints.AnalyticsDependencies;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.archive.CompactedDay;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorsExtension.class)
class AggregationIntegrationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    /** The aggregator's clock: the start of the clicks' day, so none of their hours has closed. */
    private static final Clock DURING_THE_DAY = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aBatchIsArchivedClassifiedAndTheSameKeysAreWrittenWhenItIsDeliveredTwice(EmulatedAws aws) {
        AnalyticsFixture fixture = new AnalyticsFixture(aws);
        ClickAggregationService service = withClock(fixture.deps(), DURING_THE_DAY).aggregation(new Observability("aggregator"));
        List<SqsRecord> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String agent = i % 10 == 0 ? "Slackbot-LinkExpanding 1.0" : BROWSER;
            batch.add(message(click("link-" + (i % 5), "2026-11-27T" + String.format("%02d", i % 24) + ":15:00Z", agent), 1));
        }

        assertThat(service.process(batch)).isEmpty();
        List<String> keys = fixture.archiveKeys();
        assertThat(service.process(batch)).as("the same batch again (at-least-once delivery)").isEmpty();

        assertThat(keys).as("one object per click hour").hasSize(24).allMatch(k -> k.startsWith(ArchiveLayout.dayPrefix(DAY)));
        assertThat(fixture.archiveKeys()).as("a redelivered batch overwrites its own objects").isEqualTo(keys);
        List<ArchivedClick> clicks = fixture.archivedClicks();
        assertThat(clicks).hasSize(200);
        assertThat(clicks.stream().filter(ArchivedClick::bot)).hasSize(20).allMatch(c -> c.botName().equals("Slackbot"));
        assertThat(clicks.stream().filter(c -> !c.bot())).hasSize(180)
                .allMatch(c -> c.browser().equals("Chrome") && c.os().equals("Windows") && c.device().equals("desktop")
                        && c.country().equals("DE") && c.language().equals("en") && c.referrerHost().equals("(direct)"));
        assertThat(fixture.statsItems()).as("an on-time batch writes nothing to DynamoDB").isZero();
    }

    @Test
    void unreadableMessagesAreReportedAndTheRestArchived(EmulatedAws aws) {
        AnalyticsFixture fixture = new AnalyticsFixture(aws);
        ClickAggregationService service = withClock(fixture.deps(), DURING_THE_DAY).aggregation(new Observability("aggregator"));
        List<ClickEvent> clicks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clicks.add(click("link-" + (i % 3), "2026-11-27T10:00:00Z", BROWSER));
        }
        List<SqsRecord> batch = new ArrayList<>(clicks.stream().map(c -> message(c, 1)).toList());
        batch.add(new SqsRecord("poison", "{\"schemaVersion\":1,", 1));
        batch.add(new SqsRecord("old-schema", message(clicks.get(0), 1).body().replace("\"schemaVersion\":1", "\"schemaVersion\":9"), 1));

        assertThat(service.process(batch)).containsExactlyInAnyOrder("poison", "old-schema");
        assertThat(fixture.archivedClicks()).extracting(ArchivedClick::clickId)
                .containsExactlyInAnyOrderElementsOf(clicks.stream().map(ClickEvent::clickId).toList());
    }

    @Test
    void whenTheArchiveIsDownEveryClickIsRetried(EmulatedAws aws) {
        AnalyticsFixture fixture = new AnalyticsFixture(aws);
        AnalyticsDependencies deps = fixture.deps();
        AnalyticsDependencies broken = new AnalyticsDependencies(deps.classifier(), (key, bytes) -> {
            throw new IllegalStateException("S3 unavailable (test)");
        }, deps.catalog(), DURING_THE_DAY);
        List<SqsRecord> batch = List.of(message(click("link-0", "2026-11-27T10:00:00Z", BROWSER), 1),
                message(click("link-1", "2026-11-27T10:00:00Z", BROWSER), 1));

        assertThat(broken.aggregation(new Observability("aggregator")).process(batch))
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(SqsRecord::messageId).toList());
        assertThat(fixture.archiveKeys()).isEmpty();
    }

    @Test
    void objectsOfAClosedHourAreListedAsLateSoQueriesReadThemUntilTheNextCompaction(EmulatedAws aws) {
        AnalyticsFixture fixture = new AnalyticsFixture(aws);
        // 15 minutes and a second after 23:00-24:00 ended: that hour is closed, 00:00-01:00 is open.
        Clock nextDay = Clock.fixed(Instant.parse("2026-11-28T00:15:01Z"), ZoneOffset.UTC);
        ClickAggregationService service = withClock(fixture.deps(), nextDay).aggregation(new Observability("aggregator"));
        List<SqsRecord> batch = List.of(
                message(click("link-0", "2026-11-27T23:59:58Z", BROWSER), 1),
                message(click("link-0", "2026-11-28T00:15:59Z", BROWSER), 1));

        assertThat(service.process(batch)).isEmpty();

        Map<LocalDate, CompactedDay> catalog = fixture.deps().catalog().days(DAY, DAY.plusDays(1));
        Set<String> lateKeys = fixture.archiveKeys().stream().filter(k -> k.startsWith(ArchiveLayout.dayPrefix(DAY)))
                .collect(Collectors.toCollection(HashSet::new));
        assertThat(lateKeys).hasSize(1);
        assertThat(catalog).containsOnlyKeys(DAY);
        assertThat(catalog.get(DAY).lateRawKeys()).isEqualTo(lateKeys);
        assertThat(catalog.get(DAY).compacted()).isFalse();
    }

    private static AnalyticsDependencies withClock(AnalyticsDependencies deps, Clock clock) {
        return new AnalyticsDependencies(deps.classifier(), deps.archive(), deps.catalog(), clock);
    }
}
