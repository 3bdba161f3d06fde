package dev.shortstack.shared.link;

import static dev.shortstack.shared.infra.VisitAttributes.*;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Exact visit limits through one conditional {@code UpdateItem ADD} per granted visit: the
 * condition makes the check and the increment one atomic step, so concurrent visitors can never
 * take more than maxVisits between them.
 */
public final class DynamoVisitCounter implements VisitCounter {
    /** Counters outlive a link by this long, then DynamoDB's TTL removes them. */
    private static final long RETENTION_AFTER_EXPIRY_SECONDS = 90L * 24 * 3600;

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoVisitCounter(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public boolean tryConsume(Link link) {
        StringBuilder update = new StringBuilder("ADD #visits :one");
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":max", AttributeValue.fromN(Long.toString(link.maxVisits())));
        if (link.expiresAt() != null) {
            update.append(" SET #ttl = :ttl");
            values.put(":ttl", AttributeValue.fromN(Long.toString(
                    link.expiresAt().getEpochSecond() + RETENTION_AFTER_EXPIRY_SECONDS)));
        }
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(LINK_ID, AttributeValue.fromS(link.linkId())))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_not_exists(#visits) OR #visits < :max")
                    .expressionAttributeNames(link.expiresAt() != null
                            ? Map.of("#visits", COUNT, "#ttl", EXPIRES_AT_EPOCH)
                            : Map.of("#visits", COUNT))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException limitReached) {
            return false;
        }
    }

    @Override
    public long used(String linkId) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName)
                .key(Map.of(LINK_ID, AttributeValue.fromS(linkId)))
                .consistentRead(true));
        AttributeValue count = response.hasItem() ? response.item().get(COUNT) : null;
        return count == null ? 0 : Long.parseLong(count.n());
    }
}
