package dev.shortstack.links.store.dynamodb;

import static dev.shortstack.shared.infra.StatsAttributes.*;

import dev.shortstack.links.stats.DayFigures;
import dev.shortstack.links.stats.StatsReader;
import dev.shortstack.shared.stats.Dimension;
import dev.shortstack.shared.stats.StatsKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import dev.shortstack.shared.concurrent.DaemonPool;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a range of days in one query per partition: the rebuilt partition first (its markers say
 * which days are exact and which generation to use), then every realtime shard in parallel for
 * the remaining days.
 */
public final class DynamoStatsReader implements StatsReader {
    private static final ExecutorService SHARD_READERS = DaemonPool.fixed("stats-shard-reader", 8);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;

    public DynamoStatsReader(DynamoDbClient dynamo, String table, int shards) {
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
    }

    @Override
    public Map<LocalDate, DayFigures> linkDays(String linkId, LocalDate from, LocalDate to) {
        Map<LocalDate, DayFigures> days = new HashMap<>();
        List<Map<String, AttributeValue>> rebuilt = query(StatsKeys.rebuiltLink(linkId), from, to);
        Map<LocalDate, String> exactPrefixes = currentGenerations(rebuilt);
        exactPrefixes.keySet().forEach(day -> days.put(day, DayFigures.empty(true)));
        forEachCurrent(rebuilt, exactPrefixes, (day, suffix, item) -> add(days.get(day), suffix, item));
        for (List<Map<String, AttributeValue>> shard : queryShards(s -> StatsKeys.linkShard(linkId, s), from, to)) {
            for (Map<String, AttributeValue> item : shard) {
                String sk = item.get(SK).s();
                LocalDate day = StatsKeys.dayOf(sk);
                if (!exactPrefixes.containsKey(day)) {
                    add(days.computeIfAbsent(day, d -> DayFigures.empty(false)), sk.substring(11), item);
                }
            }
        }
        return days;
    }

    @Override
    public Map<LocalDate, Map<String, Long>> workspaceDays(String workspaceId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> days = new HashMap<>();
        List<Map<String, AttributeValue>> rebuilt = query(StatsKeys.rebuiltWorkspace(workspaceId), from, to);
        Map<LocalDate, String> exactPrefixes = currentGenerations(rebuilt);
        forEachCurrent(rebuilt, exactPrefixes, (day, suffix, item) -> addCounts(days.computeIfAbsent(day, d -> new HashMap<>()), item));
        for (List<Map<String, AttributeValue>> shard : queryShards(s -> StatsKeys.workspaceShard(workspaceId, s), from, to)) {
            for (Map<String, AttributeValue> item : shard) {
                LocalDate day = StatsKeys.dayOf(item.get(SK).s());
                if (!exactPrefixes.containsKey(day)) {
                    addCounts(days.computeIfAbsent(day, d -> new HashMap<>()), item);
                }
            }
        }
        return days;
    }

    /** The days of a rebuilt partition that have a current generation, with that generation's sort-key prefix. */
    private static Map<LocalDate, String> currentGenerations(List<Map<String, AttributeValue>> rebuilt) {
        Map<LocalDate, String> prefixes = new HashMap<>();
        for (Map<String, AttributeValue> item : rebuilt) {
            String sk = item.get(SK).s();
            if (sk.endsWith("#" + StatsKeys.CURRENT)) {
                LocalDate day = StatsKeys.dayOf(sk);
                prefixes.put(day, StatsKeys.generationPrefix(day, Long.parseLong(item.get(GENERATION).n())));
            }
        }
        return prefixes;
    }

    private interface RebuiltItemConsumer {
        void accept(LocalDate day, String suffix, Map<String, AttributeValue> item);
    }

    /** Every item of a current generation, with its sort key after the generation prefix. */
    private static void forEachCurrent(List<Map<String, AttributeValue>> rebuilt, Map<LocalDate, String> prefixes,
                                       RebuiltItemConsumer consumer) {
        for (Map<String, AttributeValue> item : rebuilt) {
            String sk = item.get(SK).s();
            LocalDate day = StatsKeys.dayOf(sk);
            String prefix = prefixes.get(day);
            if (prefix != null && sk.startsWith(prefix)) {
                consumer.accept(day, sk.substring(prefix.length()), item);
            }
        }
    }

    /** Adds one item to a day: {@code H#hh} hours, {@code D#dimension} breakdowns, {@code U} sketches. */
    private static void add(DayFigures day, String suffix, Map<String, AttributeValue> item) {
        if (suffix.startsWith("H#")) {
            int hour = Integer.parseInt(suffix.substring(2));
            day.human()[hour] += number(item, HUMAN);
            day.bot()[hour] += number(item, BOT);
        } else if (suffix.startsWith("D#")) {
            Dimension.fromWire(suffix.substring(2)).ifPresent(dimension -> item.forEach((name, value) -> {
                if (value.n() != null && !name.equals(PK) && !name.equals(SK)) {
                    day.addBreakdown(dimension, name, Long.parseLong(value.n()));
                }
            }));
        } else if (suffix.equals("U") && item.containsKey(SKETCH)) {
            day.sketches().add(item.get(SKETCH).b().asByteArray());
        }
    }

    private static void addCounts(Map<String, Long> counts, Map<String, AttributeValue> item) {
        item.forEach((name, value) -> {
            if (value.n() != null && !name.equals(PK) && !name.equals(SK)) {
                counts.merge(name, Long.parseLong(value.n()), Long::sum);
            }
        });
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private List<List<Map<String, AttributeValue>>> queryShards(java.util.function.IntFunction<String> partition,
                                                                 LocalDate from, LocalDate to) {
        List<CompletableFuture<List<Map<String, AttributeValue>>>> reads = new ArrayList<>(shards);
        for (int shard = 0; shard < shards; shard++) {
            String pk = partition.apply(shard);
            reads.add(CompletableFuture.supplyAsync(() -> query(pk, from, to), SHARD_READERS));
        }
        return reads.stream().map(CompletableFuture::join).toList();
    }

    private List<Map<String, AttributeValue>> query(String pk, LocalDate from, LocalDate to) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(pk),
                                ":from", AttributeValue.fromS(StatsKeys.rangeStart(from)),
                                ":to", AttributeValue.fromS(StatsKeys.rangeEnd(to)))))
                .items().forEach(items::add);
        return items;
    }
}
