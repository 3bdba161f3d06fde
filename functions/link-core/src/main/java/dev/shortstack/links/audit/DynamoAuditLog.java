package dev.shortstack.links.audit;

import static dev.shortstack.shared.infra.AuditAttributes.*;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Entries under {@code ws#<workspace>}, sorted by {@code <instant>#<random>}, each expiring after the retention. */
public final class DynamoAuditLog implements AuditLog {
    public static final int DEFAULT_RETENTION_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Duration retention;

    public DynamoAuditLog(DynamoDbClient dynamo, String tableName, Duration retention) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.retention = retention;
    }

    @Override
    public void record(AuditEntry entry) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS("ws#" + entry.workspaceId()));
        // Millis of one width (as the other lists' positions), so the sort key sorts by time.
        item.put(SK, AttributeValue.fromS(String.format("%015d", entry.at().toEpochMilli()) + "#" + HexFormat.of().formatHex(suffix)));
        item.put(AT, AttributeValue.fromS(entry.at().toString()));
        item.put(KEY_ID, AttributeValue.fromS(entry.keyId()));
        item.put(ACTION, AttributeValue.fromS(entry.action()));
        item.put(TARGET, AttributeValue.fromS(entry.target()));
        item.put(CLIENT, AttributeValue.fromS(entry.client()));
        if (!entry.details().isEmpty()) {
            item.put(DETAILS, AttributeValue.fromM(entry.details().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue())))));
        }
        item.put(EXPIRES_AT_EPOCH, AttributeValue.fromN(Long.toString(entry.at().plus(retention).getEpochSecond())));
        dynamo.putItem(r -> r.tableName(tableName).item(item));
    }

    @Override
    public List<AuditEntry> list(String workspaceId, String before, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS("ws#" + workspaceId)));
        String condition = "#pk = :pk";
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK));
        if (before != null) {
            condition += " AND #sk < :before";
            names.put("#sk", SK);
            values.put(":before", AttributeValue.fromS(before));
        }
        String keyCondition = condition;
        return dynamo.queryPaginator(r -> r.tableName(tableName).keyConditionExpression(keyCondition)
                        .expressionAttributeNames(names).expressionAttributeValues(values).scanIndexForward(false).limit(limit))
                .items().stream().limit(limit)
                .map(item -> new AuditEntry(workspaceId, Instant.parse(item.get(AT).s()), item.get(KEY_ID).s(), item.get(ACTION).s(),
                        item.get(TARGET).s(), item.containsKey(DETAILS) ? item.get(DETAILS).m().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())) : Map.of(),
                        item.get(CLIENT).s(), item.get(SK).s()))
                .toList();
    }
}
