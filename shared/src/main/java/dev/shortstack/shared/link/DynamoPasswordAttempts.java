package dev.shortstack.shared.link;

import static dev.shortstack.shared.infra.VisitAttributes.*;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Password attempts as counters in the visits table, one item per link, visitor and window
 * ({@code pw#<linkId>#<visitor>#<window start>}, never a link id), removed by the table's TTL after the
 * window. One conditional {@code ADD} reserves an attempt; a right password adds it back.
 */
public final class DynamoPasswordAttempts implements PasswordAttempts {
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoPasswordAttempts(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public OptionalInt reserve(String linkId, String visitor, Instant at) {
        Instant window = PasswordAttempts.windowStart(at);
        try {
            AttributeValue used = dynamo.updateItem(r -> r.tableName(tableName)
                    .key(key(linkId, visitor, window))
                    .updateExpression("ADD #count :one SET #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :max")
                    .expressionAttributeNames(Map.of("#count", COUNT, "#ttl", EXPIRES_AT_EPOCH))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":max", AttributeValue.fromN(Integer.toString(MAX_WRONG)),
                            ":ttl", AttributeValue.fromN(Long.toString(window.plus(WINDOW).plus(WINDOW).getEpochSecond()))))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes().get(COUNT);
            return OptionalInt.of(Integer.parseInt(used.n()));
        } catch (ConditionalCheckFailedException allUsed) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void release(String linkId, String visitor, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(key(linkId, visitor, PasswordAttempts.windowStart(at)))
                    .updateExpression("ADD #count :minusOne")
                    .conditionExpression("#count > :zero")
                    .expressionAttributeNames(Map.of("#count", COUNT))
                    .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"), ":zero", AttributeValue.fromN("0"))));
        } catch (ConditionalCheckFailedException nothingToGiveBack) {
            // The window's counter is gone (a new window began): nothing is owed.
        }
    }

    private static Map<String, AttributeValue> key(String linkId, String visitor, Instant window) {
        return Map.of(LINK_ID, AttributeValue.fromS("pw#" + linkId + "#" + visitor + "#" + window.getEpochSecond()));
    }
}
