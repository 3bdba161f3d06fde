package dev.shortstack.analytics.rebuild;

import dev.shortstack.shared.click.ArchiveLayout;
import dev.shortstack.analytics.aggregate.ArchiveWriter;
import dev.shortstack.analytics.aggregate.BatchAggregator;
import dev.shortstack.analytics.aggregate.ClickRecord;
import dev.shortstack.analytics.aggregate.CounterWrite;
import dev.shortstack.analytics.aggregate.SketchWrite;
import dev.shortstack.analytics.aggregate.WritePlan;
import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.analytics.store.ClickArchive;
import dev.shortstack.analytics.store.dynamodb.DynamoCounterStore;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.stats.StatsKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;

/**
 * Recomputes one UTC day exactly from the archive: every click once (de-duplicated by click id),
 * aggregated by the same code as the realtime path, then written as a new generation that
 * replaces the day's figures for every link and workspace at once per partition.
 */
public final class RebuildService {
    /** The realtime partition shard the aggregator is told to use; only its prefix is kept. */
    private static final int SINGLE_SHARD = 0;

    private final ClickArchive archive;
    private final ClickClassifier classifier;
    private final RebuiltStatsStore store;

    public RebuildService(ClickArchive archive, ClickClassifier classifier, RebuiltStatsStore store) {
        this.archive = archive;
        this.classifier = classifier;
        this.store = store;
    }

    /** @return how many distinct clicks the day had */
    public long rebuildDay(LocalDate day) {
        Map<String, Map<String, Map<String, Long>>> counters = new HashMap<>();
        Map<String, Map<String, HllSketch>> sketches = new HashMap<>();
        BatchAggregator aggregator = new BatchAggregator(() -> SINGLE_SHARD);
        long clicks = 0;
        for (int hour = 0; hour < 24; hour++) {
            // A click is archived under the hour it happened, so duplicates always share an hour.
            Set<String> seen = new HashSet<>();
            List<ClickRecord> records = new ArrayList<>();
            for (String key : archive.list(ArchiveLayout.hourPrefix(day, hour))) {
                for (ClickEvent event : ArchiveWriter.read(archive.get(key))) {
                    if (seen.add(event.clickId())) {
                        records.add(new ClickRecord(event.clickId(), event, classifier.classify(event)));
                    }
                }
            }
            clicks += records.size();
            WritePlan plan = aggregator.plan(records);
            for (CounterWrite write : plan.counters()) {
                Map<String, Long> item = counters.computeIfAbsent(rebuiltPartition(write.pk()), p -> new HashMap<>())
                        .computeIfAbsent(write.sk(), s -> new HashMap<>());
                write.increments().forEach((name, count) -> item.merge(name, count, Long::sum));
            }
            for (SketchWrite write : plan.sketches()) {
                HllSketch sketch = sketches.computeIfAbsent(rebuiltPartition(write.pk()), p -> new HashMap<>())
                        .computeIfAbsent(write.sk(), s -> new HllSketch(DynamoCounterStore.SKETCH_LG_K));
                write.visitorHashes().forEach(sketch::update);
            }
        }
        Set<String> partitions = new HashSet<>(counters.keySet());
        partitions.addAll(sketches.keySet());
        for (String partition : partitions) {
            Map<String, byte[]> sketchBytes = new HashMap<>();
            sketches.getOrDefault(partition, Map.of()).forEach((sk, sketch) -> sketchBytes.put(sk, sketch.toCompactByteArray()));
            store.replaceDay(partition, day, new RebuiltItems(partition, counters.getOrDefault(partition, Map.of()), sketchBytes));
        }
        return clicks;
    }

    /** {@code L#<link>#0} → {@code R#<link>}; {@code W#<workspace>#0} → {@code RW#<workspace>}. */
    static String rebuiltPartition(String realtimePartition) {
        String withoutShard = realtimePartition.substring(0, realtimePartition.lastIndexOf('#'));
        return withoutShard.startsWith("L#")
                ? StatsKeys.rebuiltLink(withoutShard.substring(2))
                : StatsKeys.rebuiltWorkspace(withoutShard.substring(2));
    }
}
