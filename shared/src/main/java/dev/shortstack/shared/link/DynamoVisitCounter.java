package dev.shortstack.shared.link;

import static dev.shortstack.shared.infra.VisitAttributes.*;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Exact visit limits through one conditional {@code UpdateItem ADD} per granted visit: the
 * condition makes the check and the increment one atomic step, so concurrent visitors can never
 * take more than maxVisits between them.
 */
public final class DynamoVisitCounter implements VisitCounter {
    private static final int BATCH_KEYS = 100;
    private static final int BATCH_ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 50;
    /** Counters outlive a link by this long, then DynamoDB's TTL removes them. */
    private static final long RETENTION_AFTER_EXPIRY_SECONDS = 90L * 24 * 3600;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final LongConsumer pause;

    public DynamoVisitCounter(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, DynamoVisitCounter::sleep);
    }

    /** @param pause waits this many milliseconds before unprocessed keys are asked again (tests pass one that records) */
    DynamoVisitCounter(DynamoDbClient dynamo, String tableName, LongConsumer pause) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.pause = pause;
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

    /**
     * BatchGetItem, 100 keys a call; keys DynamoDB leaves unprocessed (it does so when throttled) are asked
     * again after a growing pause, as AWS advises, and any still left are read one by one.
     */
    @Override
    public Map<String, Long> used(Collection<String> linkIds) {
        Map<String, Long> used = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(linkIds));
        for (int from = 0; from < ids.size(); from += BATCH_KEYS) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_KEYS)).stream()
                    .map(id -> Map.of(LINK_ID, AttributeValue.fromS(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !request.isEmpty() && attempt < BATCH_ATTEMPTS; attempt++) {
                if (attempt > 0) {
                    pause.accept(RETRY_PAUSE_MILLIS << (attempt - 1));
                }
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
                response.responses().getOrDefault(tableName, List.of()).forEach(item ->
                        used.put(item.get(LINK_ID).s(), item.containsKey(COUNT) ? Long.parseLong(item.get(COUNT).n()) : 0L));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
            if (!request.isEmpty()) {
                request.get(tableName).keys().forEach(key -> used.put(key.get(LINK_ID).s(), used(key.get(LINK_ID).s())));
            }
        }
        ids.forEach(id -> used.putIfAbsent(id, 0L));
        return used;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading visit counts", e);
        }
    }
}
