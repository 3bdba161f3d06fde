package dev.shortstack.shared.archive;

import static dev.shortstack.shared.infra.StatsAttributes.PK;
import static dev.shortstack.shared.infra.StatsAttributes.SK;

import dev.shortstack.shared.stats.StatsKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The archive catalog as small items of the stats table; see {@link StatsKeys}. */
public final class DynamoArchiveCatalog implements ArchiveCatalog {
    private static final String COMPACTED_AT = "compactedAt";
    private static final String CLICKS = "clicks";
    private static final String BUCKETS = "buckets";
    private static final String VERSION = "version";
    private static final String THROUGH_HOUR = "throughHour";
    private static final String PARTS = "parts";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntilMillis";
    private static final int BATCH_WRITE_MAX = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoArchiveCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<LocalDate, CompactedDay> days(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, AttributeValue>> entries = new TreeMap<>();
        for (Map<String, AttributeValue> item : query(StatsKeys.CATALOG, from.toString(), to.toString())) {
            entries.put(LocalDate.parse(item.get(SK).s()), item);
        }
        Map<LocalDate, Set<String>> late = new TreeMap<>();
        for (Map<String, AttributeValue> item : query(StatsKeys.LATE, from + "#", to + "#~")) {
            String sk = item.get(SK).s();
            late.computeIfAbsent(LocalDate.parse(sk.substring(0, 10)), d -> new HashSet<>()).add(sk.substring(11));
        }
        Map<LocalDate, CompactedDay> days = new TreeMap<>();
        entries.forEach((day, item) -> {
            Set<String> lateKeys = Set.copyOf(late.getOrDefault(day, Set.of()));
            AttributeValue at = item.get(COMPACTED_AT);
            days.put(day, at == null ? CompactedDay.raw(day, lateKeys) : new CompactedDay(day, Instant.parse(at.s()),
                    Integer.parseInt(item.get(THROUGH_HOUR).n()), item.get(PARTS).l().stream().map(AttributeValue::s).toList(),
                    Long.parseLong(item.get(CLICKS).n()), lateKeys));
        });
        late.forEach((day, keys) -> days.putIfAbsent(day, CompactedDay.raw(day, Set.copyOf(keys))));
        return days;
    }

    @Override
    public Map<LocalDate, List<CompactedFiles>> workspaceFiles(String workspaceId, LocalDate from, LocalDate to) {
        Map<LocalDate, List<CompactedFiles>> files = new TreeMap<>();
        for (Map<String, AttributeValue> item : query(StatsKeys.catalogWorkspace(workspaceId), from.toString(), to.toString())) {
            files.put(LocalDate.parse(item.get(SK).s()), item.get(PARTS).l().stream()
                    .map(part -> new CompactedFiles(part.m().get(VERSION).s(), Integer.parseInt(part.m().get(BUCKETS).n()))).toList());
        }
        return files;
    }

    @Override
    public void addLate(LocalDate day, Collection<String> rawKeys) {
        List<WriteRequest> puts = Set.copyOf(rawKeys).stream().map(key -> WriteRequest.builder().putRequest(PutRequest.builder()
                .item(lateKey(day, key)).build()).build()).toList();
        writeAll(puts);
    }

    @Override
    public void recordCompaction(LocalDate day, int throughHour, List<String> parts, Map<String, List<CompactedFiles>> workspaceFiles,
                                 Collection<String> includedRawKeys, long clicks, Instant at) {
        List<WriteRequest> puts = new ArrayList<>();
        workspaceFiles.forEach((workspace, files) -> puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                PK, AttributeValue.fromS(StatsKeys.catalogWorkspace(workspace)),
                SK, AttributeValue.fromS(day.toString()),
                PARTS, AttributeValue.fromL(files.stream().map(part -> AttributeValue.fromM(Map.of(
                        VERSION, AttributeValue.fromS(part.version()),
                        BUCKETS, AttributeValue.fromN(Integer.toString(part.buckets()))))).toList()))).build()).build()));
        writeAll(puts);
        dynamo.updateItem(r -> r.tableName(table).key(dayKey(day))
                .updateExpression("SET #at = :at, #clicks = :clicks, #through = :through, #parts = :parts")
                .expressionAttributeNames(Map.of("#at", COMPACTED_AT, "#clicks", CLICKS, "#through", THROUGH_HOUR, "#parts", PARTS))
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()),
                        ":clicks", AttributeValue.fromN(Long.toString(clicks)),
                        ":through", AttributeValue.fromN(Integer.toString(throughHour)),
                        ":parts", AttributeValue.fromL(parts.stream().map(AttributeValue::fromS).toList()))));
        // Only now: a late object stays listed until the files that hold it are the ones in the catalog.
        Set<String> included = Set.copyOf(includedRawKeys);
        List<WriteRequest> deletes = query(StatsKeys.LATE, day + "#", day + "#~").stream()
                .filter(item -> included.contains(item.get(SK).s().substring(11)))
                .map(item -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(Map.of(PK, item.get(PK), SK, item.get(SK))).build()).build())
                .toList();
        writeAll(deletes);
    }

    @Override
    public boolean lease(LocalDate day, String owner, Instant now, Duration length) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(dayKey(day))
                    .updateExpression("SET #owner = :owner, #until = :until")
                    .conditionExpression("attribute_not_exists(#owner) OR #until < :now")
                    .expressionAttributeNames(Map.of("#owner", LEASE_OWNER, "#until", LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner),
                            ":until", AttributeValue.fromN(Long.toString(now.plus(length).toEpochMilli())),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void release(LocalDate day, String owner) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(dayKey(day))
                    .updateExpression("REMOVE #owner, #until")
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", LEASE_OWNER, "#until", LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException expiredAndTaken) {
            // Another compaction took the expired lease; it is its to release.
        }
    }

    @Override
    public List<LocalDate> daysWithLateObjects() {
        Set<LocalDate> days = new TreeSet<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(StatsKeys.LATE)))
                        .projectionExpression("#sk").consistentRead(true).build())
                .items().forEach(item -> days.add(LocalDate.parse(item.get(SK).s().substring(0, 10))));
        return List.copyOf(days);
    }

    /** In requests of 25 (BatchWriteItem's limit); unprocessed items are sent again. */
    private void writeAll(List<WriteRequest> requests) {
        for (int i = 0; i < requests.size(); i += BATCH_WRITE_MAX) {
            Map<String, List<WriteRequest>> pending = new LinkedHashMap<>(
                    Map.of(table, requests.subList(i, Math.min(requests.size(), i + BATCH_WRITE_MAX))));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
            }
        }
    }

    private List<Map<String, AttributeValue>> query(String pk, String from, String to) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                                ":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to))))
                .items().forEach(items::add);
        return items;
    }

    private static Map<String, AttributeValue> lateKey(LocalDate day, String rawKey) {
        return Map.of(PK, AttributeValue.fromS(StatsKeys.LATE), SK, AttributeValue.fromS(day + "#" + rawKey));
    }

    private static Map<String, AttributeValue> dayKey(LocalDate day) {
        return Map.of(PK, AttributeValue.fromS(StatsKeys.CATALOG), SK, AttributeValue.fromS(day.toString()));
    }
}
