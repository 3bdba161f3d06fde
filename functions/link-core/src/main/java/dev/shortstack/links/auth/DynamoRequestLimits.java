package dev.shortstack.links.auth;

import static dev.shortstack.shared.infra.LimitAttributes.COUNT;
import static dev.shortstack.shared.infra.LimitAttributes.EXPIRES_AT_EPOCH;
import static dev.shortstack.shared.infra.LimitAttributes.PK;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Fixed-window counters in one small item each, shared by every execution environment: a key's
 * requests of the current second (one conditional UpdateItem per request: 1 WRU), a client's failed
 * authentications of the current minute (one eventually consistent GetItem per request: 0.5 RRU,
 * and an UpdateItem per failure). Items expire by TTL a few minutes after their window.
 */
public final class DynamoRequestLimits implements RequestLimits {
    public static final int DEFAULT_KEY_REQUESTS_PER_SECOND = 100;
    public static final int DEFAULT_AUTH_FAILURES_PER_MINUTE = 20;
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final int keyRequestsPerSecond;
    private final int authFailuresPerMinute;

    public DynamoRequestLimits(DynamoDbClient dynamo, String tableName, int keyRequestsPerSecond, int authFailuresPerMinute) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.keyRequestsPerSecond = keyRequestsPerSecond;
        this.authFailuresPerMinute = authFailuresPerMinute;
    }

    @Override
    public Optional<Duration> acquire(String keyId, Instant now) {
        long second = now.getEpochSecond();
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(PK, AttributeValue.fromS("k#" + keyId + "#" + second)))
                    .updateExpression("ADD #count :one SET #expires = :expires")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", COUNT, "#expires", EXPIRES_AT_EPOCH))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(keyRequestsPerSecond),
                            ":expires", n(second + KEEP.toSeconds()))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException overLimit) {
            return Optional.of(Duration.ofMillis(1000 - now.toEpochMilli() % 1000));
        }
    }

    @Override
    public Optional<Duration> blockedClient(String client, Instant now) {
        long minute = now.getEpochSecond() / 60;
        GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName)
                .key(Map.of(PK, AttributeValue.fromS(failuresKey(client, minute)))));
        long failures = response.hasItem() && response.item().containsKey(COUNT) ? Long.parseLong(response.item().get(COUNT).n()) : 0;
        return failures >= authFailuresPerMinute
                ? Optional.of(Duration.ofSeconds(60 - now.getEpochSecond() % 60))
                : Optional.empty();
    }

    @Override
    public void noteFailure(String client, Instant now) {
        long minute = now.getEpochSecond() / 60;
        dynamo.updateItem(r -> r.tableName(tableName)
                .key(Map.of(PK, AttributeValue.fromS(failuresKey(client, minute))))
                .updateExpression("ADD #count :one SET #expires = :expires")
                .expressionAttributeNames(Map.of("#count", COUNT, "#expires", EXPIRES_AT_EPOCH))
                .expressionAttributeValues(Map.of(":one", n(1), ":expires", n((minute + 1) * 60 + KEEP.toSeconds()))));
    }

    private static String failuresKey(String client, long minute) {
        return "f#" + client + "#" + minute;
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
