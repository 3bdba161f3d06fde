package dev.shortstack.shared.stats;

import static dev.shortstack.shared.infra.StatsAttributes.PK;
import static dev.shortstack.shared.infra.StatsAttributes.SK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Compaction jobs in the stats table. Marking a day done twice (a redelivered message) counts once. */
public final class CompactionJobStore {
    private static final String SORT_KEY = "job";
    private final DynamoDbClient dynamo;
    private final String table;

    public CompactionJobStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** @return false if a job with this id exists already (nothing is changed then) */
    public boolean create(String jobId, LocalDate from, LocalDate to, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(jobId));
        item.put("from", AttributeValue.fromS(from.toString()));
        item.put("to", AttributeValue.fromS(to.toString()));
        item.put("daysTotal", AttributeValue.fromN(Long.toString(ChronoUnit.DAYS.between(from, to) + 1)));
        item.put("createdAt", AttributeValue.fromS(now.toString()));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public void markDayDone(String jobId, LocalDate day, Instant now) {
        dynamo.updateItem(r -> r.tableName(table).key(key(jobId))
                .updateExpression("ADD #done :day SET #updated = :now")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#done", "daysDone", "#updated", "updatedAt", "#pk", PK))
                .expressionAttributeValues(Map.of(":day", AttributeValue.fromSs(java.util.List.of(day.toString())),
                        ":now", AttributeValue.fromS(now.toString()))));
    }

    public Optional<CompactionJob> find(String jobId) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key(jobId)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new CompactionJob(jobId,
                LocalDate.parse(item.get("from").s()),
                LocalDate.parse(item.get("to").s()),
                Integer.parseInt(item.get("daysTotal").n()),
                item.containsKey("daysDone") ? Set.copyOf(item.get("daysDone").ss()) : Set.of(),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s())));
    }

    private static Map<String, AttributeValue> key(String jobId) {
        return Map.of(PK, AttributeValue.fromS(StatsKeys.job(jobId)), SK, AttributeValue.fromS(SORT_KEY));
    }
}
