package dev.shortstack.analytics.store.dynamodb;

import static dev.shortstack.shared.infra.StatsAttributes.*;

import dev.shortstack.analytics.rebuild.RebuiltItems;
import dev.shortstack.analytics.rebuild.RebuiltStatsStore;
import dev.shortstack.shared.stats.StatsKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Generations of rebuilt items under {@code R#<linkId>}: the day's {@code current} marker names
 * the generation readers use and is written only after every item of it. A concurrent rebuild of
 * the same day is harmless: both write complete generations from the same archive.
 */
public final class DynamoRebuiltStatsStore implements RebuiltStatsStore {
    private static final int BATCH = 25;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRebuiltStatsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void replaceDay(String partition, LocalDate day, RebuiltItems items) {
        GetItemResponse marker = dynamo.getItem(r -> r.tableName(table)
                .key(DynamoCounterStore.key(partition, StatsKeys.marker(day))).consistentRead(true));
        long previous = marker.hasItem() && marker.item().containsKey(GENERATION)
                ? Long.parseLong(marker.item().get(GENERATION).n()) : 0;
        long next = previous + 1;

        List<WriteRequest> puts = new ArrayList<>();
        items.counters().forEach((sk, values) -> {
            Map<String, AttributeValue> item = new HashMap<>(DynamoCounterStore.key(partition, StatsKeys.generation(day, next, sk)));
            values.forEach((name, count) -> item.put(name, AttributeValue.fromN(Long.toString(count))));
            puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        });
        items.sketches().forEach((sk, bytes) -> {
            Map<String, AttributeValue> item = new HashMap<>(DynamoCounterStore.key(partition, StatsKeys.generation(day, next, sk)));
            item.put(SKETCH, AttributeValue.fromB(SdkBytes.fromByteArray(bytes)));
            puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        });
        writeAll(puts);

        Map<String, AttributeValue> current = new HashMap<>(DynamoCounterStore.key(partition, StatsKeys.marker(day)));
        current.put(GENERATION, AttributeValue.fromN(Long.toString(next)));
        dynamo.putItem(r -> r.tableName(table).item(current));

        if (previous > 0) {
            List<WriteRequest> deletes = new ArrayList<>();
            dynamo.queryPaginator(r -> r.tableName(table)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                                    ":prefix", AttributeValue.fromS(StatsKeys.generationPrefix(day, previous))))
                            .projectionExpression("#pk, #sk"))
                    .items().forEach(old -> deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(old)).build()));
            writeAll(deletes);
        }
    }

    /** BatchWriteItem in 25s, resubmitting whatever DynamoDB hands back as unprocessed. */
    private void writeAll(List<WriteRequest> requests) {
        for (int start = 0; start < requests.size(); start += BATCH) {
            List<WriteRequest> pending = requests.subList(start, Math.min(requests.size(), start + BATCH));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 10) {
                    throw new IllegalStateException("DynamoDB left " + pending.size() + " writes unprocessed 10 times");
                }
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            }
        }
    }
}
