package dev.shortstack.bench.cost;

import dev.shortstack.analytics.aggregate.ArchiveWriter;
import dev.shortstack.analytics.classify.Classification;
import dev.shortstack.shared.archive.ArchiveDays;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.stats.StatsKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregator of this commit, run for real on each batch: its classifications turned into
 * archived clicks ({@code Classification.archived}), written by the real {@link ArchiveWriter} (one
 * object per click hour, encoded by {@code ArchiveCodec}) into a {@link CountingClickArchive}; then,
 * as {@code ClickAggregationService} does, objects of an hour that closed before the batch
 * ({@link ArchiveDays#firstOpenHour}) are registered in the catalog, one PutItem each (BatchWriteItem
 * of 25), as {@code DynamoArchiveCatalog.addLate} writes them. Raw objects per hour and clicks per
 * workspace and hour are kept for the compaction.
 */
public final class ArchiveDesign {
    private static final int BATCH_WRITE_MAX = 25;

    private final Assumptions assumptions;
    private final CountingClickArchive archive = new CountingClickArchive();
    private final ArchiveWriter writer = new ArchiveWriter(archive);
    private final Usage usage = new Usage();
    private final Map<LocalDate, long[]> objectsPerHour = new TreeMap<>();
    private final Map<LocalDate, Map<String, long[]>> workspaceClicksPerHour = new TreeMap<>();
    private final Map<LocalDate, Long> lateObjectsPerDay = new TreeMap<>();

    public ArchiveDesign(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    public void accept(Batch batch, List<Classification> classes) {
        List<ArchivedClick> clicks = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ClickEvent event = batch.clicks().get(i);
            clicks.add(classes.get(i).archived(event));
            ZonedDateTime at = Instant.parse(event.occurredAt()).atZone(ZoneOffset.UTC);
            workspaceClicksPerHour.computeIfAbsent(at.toLocalDate(), d -> new TreeMap<>())
                    .computeIfAbsent(event.workspaceId(), w -> new long[24])[at.getHour()]++;
        }
        Instant firstOpenHour = ArchiveDays.firstOpenHour(batch.closedAt());
        long putsBefore = archive.puts();
        Map<String, Instant> written = writer.write(clicks);
        long puts = archive.puts() - putsBefore;
        Map<LocalDate, Set<String>> late = new TreeMap<>();
        written.forEach((key, hour) -> {
            ZonedDateTime start = hour.atZone(ZoneOffset.UTC);
            objectsPerHour.computeIfAbsent(start.toLocalDate(), d -> new long[24])[start.getHour()]++;
            if (hour.isBefore(firstOpenHour)) {
                late.computeIfAbsent(ArchiveLayout.dayOfRawKey(key), d -> new TreeSet<>()).add(key);
            }
        });
        long catalogRequests = 0;
        for (Map.Entry<LocalDate, Set<String>> day : late.entrySet()) {
            for (String key : day.getValue()) {
                usage.writeUnits += DynamoSize.writeUnits(0, DynamoSize.string("pk", StatsKeys.LATE)
                        + DynamoSize.string("sk", day.getKey() + "#" + key));
            }
            catalogRequests += (day.getValue().size() + BATCH_WRITE_MAX - 1) / BATCH_WRITE_MAX;
            lateObjectsPerDay.merge(day.getKey(), (long) day.getValue().size(), Long::sum);
        }
        double ms = assumptions.invocationFixedMs()
                + batch.size() * assumptions.cpuMicrosPerClick() / 1000.0 * assumptions.lambdaCpuScale()
                + puts * assumptions.s3PutMs()
                + catalogRequests * assumptions.dynamoMs();
        usage.clicks += batch.size();
        usage.s3Tier1 += puts;
        usage.aggregatorInvocations++;
        usage.aggregatorGbSeconds += Assumptions.billedSeconds(ms) * assumptions.aggregatorGb();
    }

    /** The aggregator's usage over the window; storage is the raw objects' bytes. */
    public Usage finish(QueueConsumeModel queue) {
        usage.s3Bytes = archive.bytes();
        usage.queueConsumeRequests = queue.requests();
        return usage;
    }

    public long rawObjects() {
        return archive.puts();
    }

    public long rawBytes() {
        return archive.bytes();
    }

    /** Raw objects written per UTC hour of their clicks, by day. */
    public Map<LocalDate, long[]> objectsPerHour() {
        return objectsPerHour;
    }

    /** Clicks per workspace and UTC hour, by day. */
    public Map<LocalDate, Map<String, long[]>> workspaceClicksPerHour() {
        return workspaceClicksPerHour;
    }

    /** Raw objects registered as late, by day: none unless a batch is processed 15 minutes after its clicks' hour. */
    public Map<LocalDate, Long> lateObjectsPerDay() {
        return lateObjectsPerDay;
    }
}
