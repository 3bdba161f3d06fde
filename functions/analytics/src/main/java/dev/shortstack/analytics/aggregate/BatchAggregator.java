package dev.shortstack.analytics.aggregate;

import dev.shortstack.shared.infra.StatsAttributes;
import dev.shortstack.shared.stats.Dimension;
import dev.shortstack.shared.stats.StatsKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Turns a batch of clicks into the fewest writes: in memory, every click of the batch is added
 * to its link's hour, day-dimension and unique-visitor items (and its workspace's day item), then
 * each touched item becomes one write. All of a batch's writes for a link go to one shard,
 * drawn per batch, so a viral link's writes spread over the shards.
 */
public final class BatchAggregator {
    private final IntSupplier shardPicker;

    /** @param shardPicker picks the write shard of a batch (uniform in [0, shards)) */
    public BatchAggregator(IntSupplier shardPicker) {
        this.shardPicker = shardPicker;
    }

    public WritePlan plan(List<ClickRecord> clicks) {
        int shard = shardPicker.getAsInt();
        Map<String, Item> counters = new LinkedHashMap<>();
        Map<String, SketchItem> sketches = new LinkedHashMap<>();
        for (ClickRecord click : clicks) {
            ZonedDateTime at = Instant.parse(click.event().occurredAt()).atZone(ZoneOffset.UTC);
            LocalDate day = at.toLocalDate();
            String linkPk = StatsKeys.linkShard(click.event().linkId(), shard);
            boolean bot = click.classification().bot();
            item(counters, linkPk, StatsKeys.hour(day, at.getHour()), click)
                    .add(bot ? StatsAttributes.BOT : StatsAttributes.HUMAN);
            for (Map.Entry<Dimension, String> dim : click.classification().dimensions().entrySet()) {
                item(counters, linkPk, StatsKeys.dimension(day, dim.getKey()), click).add(dim.getValue());
            }
            if (!bot) {
                item(counters, StatsKeys.workspaceShard(click.event().workspaceId(), shard), StatsKeys.workspaceDay(day), click)
                        .add(click.event().slug());
                if (click.event().visitorHash() != null) {
                    SketchItem sketch = sketches.computeIfAbsent(linkPk + "|" + StatsKeys.uniques(day),
                            k -> new SketchItem(linkPk, StatsKeys.uniques(day)));
                    sketch.hashes.add(click.event().visitorHash());
                    sketch.messages.add(click.messageId());
                }
            }
        }
        List<CounterWrite> counterWrites = new ArrayList<>(counters.size());
        counters.values().forEach(i -> counterWrites.add(new CounterWrite(i.pk, i.sk, Map.copyOf(i.increments), Set.copyOf(i.messages))));
        List<SketchWrite> sketchWrites = new ArrayList<>(sketches.size());
        sketches.values().forEach(s -> sketchWrites.add(new SketchWrite(s.pk, s.sk, Set.copyOf(s.hashes), Set.copyOf(s.messages))));
        return new WritePlan(counterWrites, sketchWrites);
    }

    private static Item item(Map<String, Item> items, String pk, String sk, ClickRecord click) {
        Item item = items.computeIfAbsent(pk + "|" + sk, k -> new Item(pk, sk));
        item.messages.add(click.messageId());
        return item;
    }

    private static final class Item {
        final String pk;
        final String sk;
        final Map<String, Long> increments = new HashMap<>();
        final Set<String> messages = new HashSet<>();

        Item(String pk, String sk) {
            this.pk = pk;
            this.sk = sk;
        }

        void add(String counter) {
            increments.merge(counter, 1L, Long::sum);
        }
    }

    private static final class SketchItem {
        final String pk;
        final String sk;
        final Set<String> hashes = new HashSet<>();
        final Set<String> messages = new HashSet<>();

        SketchItem(String pk, String sk) {
            this.pk = pk;
            this.sk = sk;
        }
    }
}
