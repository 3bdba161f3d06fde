package dev.shortstack.bench.cost;

import dev.shortstack.analytics.classify.Classification;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.stats.Dimension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The design this commit replaced (git show HEAD~1: BatchAggregator, DynamoCounterStore,
 * ClickAggregationService, ArchiveWriter), rebuilt as arithmetic. Per batch, one write shard of 8
 * drawn at random; per touched link, shard and UTC day one {@code UpdateItem ADD} per item the batch
 * touches:
 * <pre>
 * pk L#{linkId}#{shard}       sk {day}#H#{hh}          human, bot                 every click
 *                             sk {day}#D#{dimension}   one number per value       each of the click's dimensions
 *                             sk {day}#U               hll (binary), version      humans: GetItem + conditional PutItem
 * pk W#{workspace}#{shard}    sk {day}#S               one number per slug        humans
 * </pre>
 * Every item's attributes and counter values are kept from the window's start, so each write is
 * billed on the item's real size before and after (numbers grow a byte per two digits, maps a
 * name per new value). The HLL_4 lgK 12 sketch's compact size follows datasketches-java 6.1.1
 * exactly: 8 + 4n bytes while it lists up to 7 visitors, 12 + 4n as a hash set up to 384, then
 * 2,088 bytes (its 2,048-byte array and 40-byte preamble; the few 4-byte exceptions it may add are
 * left out). Conflicting sketch writes (a retried read + write) are not modelled. The old
 * aggregator also archived each batch first, one gzip JSON Lines object of bare click events per
 * click hour: counted here as it was.
 */
public final class OldCounterDesign {
    public static final int SHARDS = 8;
    private static final int HOUR_KINDS = 24;
    private static final int WORKSPACE_KIND = HOUR_KINDS + Dimension.values().length;
    private static final int SKETCH_KIND = WORKSPACE_KIND + 1;
    private static final int HUMAN = 0;
    private static final int BOT = 1;
    private static final int SKETCH_LIST_MAX = 7;
    private static final int SKETCH_SET_MAX = 384;
    private static final int SKETCH_HLL_BYTES = 40 + (1 << (12 - 1));

    private final Assumptions assumptions;
    private final int workspaces;
    private final Random shards;
    private final long firstEpochDay;
    private final LongIntMap itemBytes;
    private final LongIntMap counters;
    private final LongIntMap sketchVisitors;
    private final LongIntMap sketchDistinct;
    private final LongIntMap sketchVersion;
    private final Map<String, Integer> valueIds = new HashMap<>();
    private final List<Integer> valueNameBytes = new ArrayList<>();
    private final Usage usage = new Usage();
    private long counterWrites;
    private long sketchWrites;

    public OldCounterDesign(TrafficProfile profile, Assumptions assumptions, long seed) {
        this.assumptions = assumptions;
        this.workspaces = profile.workspaces();
        this.shards = new Random(seed * 31 + 17);
        this.firstEpochDay = profile.windowStart().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        this.itemBytes = new LongIntMap(1 << 16);
        this.counters = new LongIntMap(1 << 17);
        this.sketchVisitors = new LongIntMap(1 << 16);
        this.sketchDistinct = new LongIntMap(1 << 14);
        this.sketchVersion = new LongIntMap(1 << 14);
    }

    public void accept(Batch batch, List<Classification> classes) {
        int shard = shards.nextInt(SHARDS);
        Map<Long, CounterItem> items = new LinkedHashMap<>();
        Map<Long, SketchItem> sketches = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ClickEvent click = batch.clicks().get(i);
            Classification classification = classes.get(i);
            int link = batch.links()[i];
            ZonedDateTime at = Instant.parse(click.occurredAt()).atZone(ZoneOffset.UTC);
            String day = at.toLocalDate().toString();
            int dayIndex = (int) (at.toLocalDate().toEpochDay() - firstEpochDay) & 3;
            String linkPk = "L#" + click.linkId() + "#" + shard;
            item(items, link, dayIndex, shard, at.getHour(), linkPk, day + "#H#" + String.format("%02d", at.getHour()))
                    .add(classification.bot() ? BOT : HUMAN, classification.bot() ? 3 : 5);
            for (Map.Entry<Dimension, String> dimension : classification.dimensions().entrySet()) {
                int value = valueId(dimension.getValue());
                item(items, link, dayIndex, shard, HOUR_KINDS + dimension.getKey().ordinal(), linkPk,
                        day + "#D#" + dimension.getKey().wireName()).add(value, valueNameBytes.get(value));
            }
            if (!classification.bot()) {
                item(items, link % workspaces, dayIndex, shard, WORKSPACE_KIND, "W#" + click.workspaceId() + "#" + shard, day + "#S")
                        .add(link, DynamoSize.utf8(click.slug()));
                if (click.visitorHash() != null) {
                    long key = itemKey(link, dayIndex, shard, SKETCH_KIND);
                    sketches.computeIfAbsent(key, k -> new SketchItem(keyBytes(linkPk, day + "#U")))
                            .visitors.add(Long.parseUnsignedLong(click.visitorHash().substring(0, 16), 16));
                }
            }
        }
        List<Integer> roundTrips = new ArrayList<>(items.size() + sketches.size());
        items.forEach((key, item) -> {
            write(key, item);
            roundTrips.add(1);
        });
        sketches.forEach((key, sketch) -> {
            merge(key, sketch);
            roundTrips.add(2);
        });
        counterWrites += items.size();
        sketchWrites += sketches.size();
        int puts = archive(batch.clicks());
        double ms = assumptions.invocationFixedMs()
                + batch.size() * assumptions.cpuMicrosPerClick() / 1000.0 * assumptions.lambdaCpuScale()
                + puts * assumptions.s3PutMs()
                + makespanMs(roundTrips);
        usage.clicks += batch.size();
        usage.aggregatorInvocations++;
        usage.aggregatorGbSeconds += Assumptions.billedSeconds(ms) * assumptions.aggregatorGb();
    }

    /** Ends the window: storage is every item written (with DynamoDB's per-item overhead) and the archive. */
    public Usage finish(QueueConsumeModel queue) {
        long[] bytes = {0};
        itemBytes.forEachValue(size -> bytes[0] += size + DynamoSize.STORAGE_OVERHEAD_PER_ITEM);
        usage.dynamoBytes = bytes[0];
        usage.queueConsumeRequests = queue.requests();
        return usage;
    }

    public long items() {
        return itemBytes.size();
    }

    public long counterWrites() {
        return counterWrites;
    }

    public long sketchWrites() {
        return sketchWrites;
    }

    private void write(long key, CounterItem item) {
        int before = itemBytes.get(key, 0);
        int after = before == 0 ? item.keyBytes : before;
        for (Map.Entry<Integer, int[]> increment : item.increments.entrySet()) {
            long counter = (key << 24) | increment.getKey();
            int old = counters.get(counter, 0);
            int now = old + increment.getValue()[0];
            after += old == 0
                    ? increment.getValue()[1] + DynamoSize.number(now)
                    : DynamoSize.number(now) - DynamoSize.number(old);
            counters.put(counter, now);
        }
        itemBytes.put(key, after);
        usage.writeUnits += DynamoSize.writeUnits(before, after);
    }

    /** GetItem (strongly consistent, 1 RRU even when absent), merge, conditional PutItem of the whole item. */
    private void merge(long key, SketchItem sketch) {
        int before = itemBytes.get(key, 0);
        usage.readUnits += DynamoSize.strongReadUnits(before);
        int distinct = sketchDistinct.get(key, 0);
        for (long visitor : sketch.visitors) {
            if (distinct > SKETCH_SET_MAX) {
                break;
            }
            long member = ClickFactory.mix(key * 0x9E3779B97F4A7C15L + visitor) & Long.MAX_VALUE;
            if (!sketchVisitors.contains(member)) {
                sketchVisitors.put(member, 1);
                distinct++;
            }
        }
        sketchDistinct.put(key, distinct);
        int version = sketchVersion.get(key, 0) + 1;
        sketchVersion.put(key, version);
        int after = sketch.keyBytes + DynamoSize.binary("hll", sketchBytes(distinct)) + DynamoSize.number("version", version);
        itemBytes.put(key, after);
        usage.writeUnits += DynamoSize.writeUnits(before, after);
    }

    static int sketchBytes(int distinct) {
        if (distinct <= SKETCH_LIST_MAX) {
            return 8 + 4 * distinct;
        }
        return distinct <= SKETCH_SET_MAX ? 12 + 4 * distinct : SKETCH_HLL_BYTES;
    }

    /** The old ArchiveWriter: one object per click hour of the batch, gzip JSON Lines of the bare click events. */
    private int archive(List<ClickEvent> clicks) {
        Map<Instant, List<ClickEvent>> byHour = new LinkedHashMap<>();
        for (ClickEvent click : clicks) {
            byHour.computeIfAbsent(Instant.parse(click.occurredAt()).truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>()).add(click);
        }
        for (List<ClickEvent> hour : byHour.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                for (ClickEvent click : hour) {
                    gzip.write(Json.mapper().writeValueAsBytes(click));
                    gzip.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            usage.s3Bytes += bytes.size();
            usage.s3Tier1++;
        }
        return byHour.size();
    }

    /** The batch's writes on the old pool of writer threads, each task taken by the first free thread. */
    private double makespanMs(List<Integer> roundTrips) {
        double[] free = new double[assumptions.oldWriterThreads()];
        for (int trips : roundTrips) {
            int first = 0;
            for (int t = 1; t < free.length; t++) {
                if (free[t] < free[first]) {
                    first = t;
                }
            }
            free[first] += trips * assumptions.dynamoMs();
        }
        double end = 0;
        for (double f : free) {
            end = Math.max(end, f);
        }
        return end;
    }

    private CounterItem item(Map<Long, CounterItem> items, int entity, int day, int shard, int kind, String pk, String sk) {
        return items.computeIfAbsent(itemKey(entity, day, shard, kind), k -> new CounterItem(keyBytes(pk, sk)));
    }

    private int valueId(String value) {
        Integer id = valueIds.get(value);
        if (id == null) {
            id = valueIds.size();
            valueIds.put(value, id);
            valueNameBytes.add(DynamoSize.utf8(value));
        }
        return id;
    }

    /** 24 bits of link or workspace, 2 of day, 4 of shard, 6 of kind: 36 bits, so a counter key adds 24 more. */
    private static long itemKey(int entity, int day, int shard, int kind) {
        return ((((long) entity << 2 | day) << 4 | shard) << 6) | kind;
    }

    private static int keyBytes(String pk, String sk) {
        return DynamoSize.string("pk", pk) + DynamoSize.string("sk", sk);
    }

    private static final class CounterItem {
        final int keyBytes;
        /** value id → {increment, name bytes} */
        final Map<Integer, int[]> increments = new HashMap<>();

        CounterItem(int keyBytes) {
            this.keyBytes = keyBytes;
        }

        void add(int value, int nameBytes) {
            increments.computeIfAbsent(value, v -> new int[] {0, nameBytes})[0]++;
        }
    }

    private static final class SketchItem {
        final int keyBytes;
        final List<Long> visitors = new ArrayList<>();

        SketchItem(int keyBytes) {
            this.keyBytes = keyBytes;
        }
    }
}
