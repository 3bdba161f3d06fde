package dev.shortstack.shared.archive;

import static dev.shortstack.shared.infra.StatsAttributes.PK;
import static dev.shortstack.shared.infra.StatsAttributes.SK;

import dev.shortstack.shared.stats.StatsKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The archive catalog as small items of the stats table; see {@link StatsKeys}. */
public final class DynamoArchiveCatalog implements ArchiveCatalog {
    private static final String COMPACTED_AT = "compactedAt";
    private static final String LATE = "lateRawKeys";
    private static final String CLICKS = "clicks";
    private static final String BUCKETS = "buckets";
    private static final String VERSION = "version";
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
        Map<LocalDate, CompactedDay> days = new TreeMap<>();
        for (Map<String, AttributeValue> item : query(StatsKeys.CATALOG, from, to)) {
            LocalDate day = LocalDate.parse(item.get(SK).s());
            AttributeValue at = item.get(COMPACTED_AT);
            AttributeValue late = item.get(LATE);
            days.put(day, new CompactedDay(day, at == null ? null : Instant.parse(at.s()),
                    late == null ? Set.of() : Set.copyOf(late.ss())));
        }
        return days;
    }

    @Override
    public Map<LocalDate, CompactedFiles> workspaceFiles(String workspaceId, LocalDate from, LocalDate to) {
        Map<LocalDate, CompactedFiles> files = new TreeMap<>();
        for (Map<String, AttributeValue> item : query(StatsKeys.catalogWorkspace(workspaceId), from, to)) {
            files.put(LocalDate.parse(item.get(SK).s()),
                    new CompactedFiles(item.get(VERSION).s(), Integer.parseInt(item.get(BUCKETS).n())));
        }
        return files;
    }

    @Override
    public void addLate(LocalDate day, Collection<String> rawKeys) {
        if (rawKeys.isEmpty()) {
            return;
        }
        dynamo.updateItem(r -> r.tableName(table).key(dayKey(day))
                .updateExpression("ADD #late :keys")
                .expressionAttributeNames(Map.of("#late", LATE))
                .expressionAttributeValues(Map.of(":keys", AttributeValue.fromSs(List.copyOf(Set.copyOf(rawKeys))))));
    }

    @Override
    public void recordCompaction(LocalDate day, Map<String, CompactedFiles> workspaceFiles, Collection<String> includedRawKeys,
                                 long clicks, Instant at) {
        List<WriteRequest> puts = new ArrayList<>();
        workspaceFiles.forEach((workspace, files) -> puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                PK, AttributeValue.fromS(StatsKeys.catalogWorkspace(workspace)),
                SK, AttributeValue.fromS(day.toString()),
                VERSION, AttributeValue.fromS(files.version()),
                BUCKETS, AttributeValue.fromN(Integer.toString(files.buckets())))).build()).build()));
        for (int i = 0; i < puts.size(); i += BATCH_WRITE_MAX) {
            writeAll(puts.subList(i, Math.min(puts.size(), i + BATCH_WRITE_MAX)));
        }
        Map<String, String> names = new HashMap<>(Map.of("#at", COMPACTED_AT, "#clicks", CLICKS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":at", AttributeValue.fromS(at.toString()), ":clicks", AttributeValue.fromN(Long.toString(clicks))));
        String update = "SET #at = :at, #clicks = :clicks";
        if (!includedRawKeys.isEmpty()) {
            names.put("#late", LATE);
            values.put(":included", AttributeValue.fromSs(List.copyOf(Set.copyOf(includedRawKeys))));
            update += " DELETE #late :included";
        }
        String expression = update;
        dynamo.updateItem(r -> r.tableName(table).key(dayKey(day)).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values));
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
        List<LocalDate> days = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .filterExpression("attribute_exists(#late)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#late", LATE))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(StatsKeys.CATALOG)))
                        .projectionExpression("#pk, " + SK).consistentRead(true).build())
                .items().forEach(item -> days.add(LocalDate.parse(item.get(SK).s())));
        return days;
    }

    /** A set of raw keys can exceed one request's limit; unprocessed items are sent again. */
    private void writeAll(List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = new LinkedHashMap<>(Map.of(table, requests));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            pending = dynamo.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
        }
    }

    private List<Map<String, AttributeValue>> query(String pk, LocalDate from, LocalDate to) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                                ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString()))))
                .items().forEach(items::add);
        return items;
    }

    private static Map<String, AttributeValue> dayKey(LocalDate day) {
        return Map.of(PK, AttributeValue.fromS(StatsKeys.CATALOG), SK, AttributeValue.fromS(day.toString()));
    }
}
