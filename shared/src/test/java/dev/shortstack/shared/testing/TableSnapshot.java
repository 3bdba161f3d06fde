package dev.shortstack.shared.testing;

import dev.shortstack.shared.infra.ApiKeyAttributes;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.infra.TableDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every item of every table of a stage, to prove a request wrote nothing, except the API's own
 * bookkeeping of each request: the abuse limits' counters and the time a key was last used.
 */
public final class TableSnapshot {
    private TableSnapshot() {
    }

    /** @param tableNameOf a table's physical name by its environment variable */
    public static Set<Map<String, AttributeValue>> of(DynamoDbClient dynamo, UnaryOperator<String> tableNameOf) {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        for (TableDefinition table : ShortstackResources.TABLES) {
            if (table == ShortstackResources.LIMITS) {
                continue;
            }
            dynamo.scanPaginator(r -> r.tableName(tableNameOf.apply(table.envVar())).consistentRead(true)).items().forEach(item -> {
                Map<String, AttributeValue> kept = new HashMap<>(item);
                if (table == ShortstackResources.API_KEYS) {
                    kept.remove(ApiKeyAttributes.LAST_USED_AT);
                }
                items.add(kept);
            });
        }
        return items;
    }
}
