package dev.shortstack.analytics.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.archive.CompactedDay;
import dev.shortstack.shared.archive.CompactedFiles;
import dev.shortstack.shared.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The aggregator handler driven by the sample SQS event, over an in-memory archive and catalog. */
class AggregateClicksFunctionTest {
    private final Map<String, byte[]> archive = new LinkedHashMap<>();
    private final List<String> lateKeys = new ArrayList<>();

    @Test
    void archivesTheReadableClicksClassifiedAndReportsTheTruncatedMessage() {
        // Until 15 minutes after the hour of the clicks (09:00-10:00) ends, that hour is open.
        JsonNode response = invoke(Clock.fixed(Instant.parse("2026-11-27T10:14:59Z"), ZoneOffset.UTC));

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText())
                .isEqualTo("0f2c6f1e-6b1e-4f7a-9a51-000000000002");
        assertThat(archive).hasSize(1);
        String key = archive.keySet().iterator().next();
        assertThat(key).startsWith("clicks/dt=2026-11-27/hour=09/").endsWith(".jsonl.gz");
        List<ArchivedClick> clicks = ArchiveCodec.decode(key, archive.get(key));
        assertThat(clicks).extracting(ArchivedClick::bot).containsExactly(false, true);
        ArchivedClick human = clicks.get(0);
        assertThat(List.of(human.country(), human.referrerHost(), human.device(), human.os(), human.browser(), human.language()))
                .containsExactly("DE", "news.ycombinator.com", "desktop", "Windows", "Chrome", "de");
        assertThat(clicks.get(1).botName()).isEqualTo("Slackbot");
        assertThat(lateKeys).as("an on-time batch writes nothing to the catalog").isEmpty();
    }

    @Test
    void aBatchForAClosedHourIsListedAsLate() {
        invoke(Clock.fixed(Instant.parse("2026-11-27T10:15:01Z"), ZoneOffset.UTC));

        assertThat(lateKeys).containsExactlyElementsOf(archive.keySet());
    }

    @Test
    void aMessageOfGroupCommittedClicksIsArchivedWholeAndOneWithABadClickIsRefusedWhole() {
        JsonNode response = invoke(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), "analytics/clicks-packed.json");

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText())
                .as("the message with an incomplete click goes back (and to the DLQ) with all its clicks")
                .isEqualTo("0f2c6f1e-6b1e-4f7a-9a51-000000000101");
        assertThat(archive).hasSize(1);
        String key = archive.keySet().iterator().next();
        assertThat(ArchiveCodec.decode(key, archive.get(key))).extracting(ArchivedClick::clickId).containsExactly(
                "5b0e6f0c-1f5e-4b7e-9a0c-3d2f1e0a9b01", "5b0e6f0c-1f5e-4b7e-9a0c-3d2f1e0a9b11", "5b0e6f0c-1f5e-4b7e-9a0c-3d2f1e0a9b12");
    }

    private JsonNode invoke(Clock clock) {
        return invoke(clock, "analytics/clicks-batch.json");
    }

    private JsonNode invoke(Clock clock, String fixture) {
        AnalyticsDependencies deps = new AnalyticsDependencies(new ClickClassifier(), archive::put, new RecordingCatalog(), clock);
        return LambdaInvoker.invoke(new AggregateClicksFunction(deps), "aggregator", Fixtures.event(fixture));
    }

    /** Records late objects; the aggregator calls nothing else. */
    private final class RecordingCatalog implements ArchiveCatalog {
        @Override
        public void addLate(LocalDate day, Collection<String> rawKeys) {
            lateKeys.addAll(rawKeys);
        }

        @Override
        public Map<LocalDate, CompactedDay> days(LocalDate from, LocalDate to) {
            throw new AssertionError("the aggregator never reads the catalog");
        }

        @Override
        public Map<LocalDate, List<CompactedFiles>> workspaceFiles(String workspaceId, LocalDate from, LocalDate to) {
            throw new AssertionError("the aggregator never reads the catalog");
        }

        @Override
        public void recordCompaction(LocalDate day, int throughHour, List<String> parts, Map<String, List<CompactedFiles>> files,
                                     Collection<String> included, long clicks, Instant at) {
            throw new AssertionError("the aggregator never compacts");
        }

        @Override
        public boolean lease(LocalDate day, String owner, Instant now, Duration length) {
            throw new AssertionError("the aggregator never compacts");
        }

        @Override
        public void release(LocalDate day, String owner) {
            throw new AssertionError("the aggregator never compacts");
        }

        @Override
        public List<LocalDate> daysWithLateObjects() {
            throw new AssertionError("the aggregator never reads the catalog");
        }
    }
}
