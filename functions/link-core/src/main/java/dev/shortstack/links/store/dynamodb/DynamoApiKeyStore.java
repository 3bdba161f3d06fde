package dev.shortstack.links.store.dynamodb;

import static dev.shortstack.shared.infra.ApiKeyAttributes.*;

import dev.shortstack.links.auth.ApiKey;
import dev.shortstack.links.auth.ApiKeyStore;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.link.LinkItems;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

public final class DynamoApiKeyStore implements ApiKeyStore {
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoApiKeyStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName)
                .key(Map.of(KEY_ID, AttributeValue.fromS(keyId)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public boolean create(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY_ID, AttributeValue.fromS(key.keyId()));
        item.put(SECRET_HASH, AttributeValue.fromS(key.secretHash()));
        item.put(WORKSPACE_ID, AttributeValue.fromS(key.workspaceId()));
        item.put(ROLE, AttributeValue.fromS(key.role().wireName()));
        item.put(NAME, AttributeValue.fromS(key.name()));
        item.put(CREATED_AT, AttributeValue.fromS(key.createdAt().toString()));
        item.put(CREATED_KEY, AttributeValue.fromS(LinkItems.createdKey(key.createdAt(), key.keyId())));
        if (key.expiresAt() != null) {
            item.put(EXPIRES_AT, AttributeValue.fromS(key.expiresAt().toString()));
        }
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", KEY_ID)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public List<ApiKey> listByWorkspace(String workspaceId, String beforeCreatedKey, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#ws", WORKSPACE_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":ws", AttributeValue.fromS(workspaceId)));
        String condition = "#ws = :ws";
        if (beforeCreatedKey != null) {
            condition += " AND #created < :before";
            names.put("#created", CREATED_KEY);
            values.put(":before", AttributeValue.fromS(beforeCreatedKey));
        }
        String keyCondition = condition;
        return dynamo.queryPaginator(r -> r.tableName(tableName).indexName(WORKSPACE_INDEX).keyConditionExpression(keyCondition)
                        .expressionAttributeNames(names).expressionAttributeValues(values).scanIndexForward(false).limit(limit))
                .items().stream()
                .limit(limit)
                .map(DynamoApiKeyStore::fromItem)
                .toList();
    }

    @Override
    public void revoke(String keyId, String workspaceId, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(KEY_ID, AttributeValue.fromS(keyId)))
                    .updateExpression("SET #revoked = :at")
                    .conditionExpression("#ws = :ws AND attribute_not_exists(#revoked)")
                    .expressionAttributeNames(Map.of("#revoked", REVOKED_AT, "#ws", WORKSPACE_ID))
                    .expressionAttributeValues(Map.of(
                            ":at", AttributeValue.fromS(at.toString()),
                            ":ws", AttributeValue.fromS(workspaceId))));
        } catch (ConditionalCheckFailedException alreadyRevokedOrForeign) {
            // Revoking is idempotent; the service checked ownership before calling.
        }
    }

    @Override
    public void touch(String keyId, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(KEY_ID, AttributeValue.fromS(keyId)))
                    .updateExpression("SET #used = :at")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#used", LAST_USED_AT, "#id", KEY_ID))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
        } catch (ConditionalCheckFailedException deleted) {
            // Nothing to note on a key that is gone.
        }
    }

    private static ApiKey fromItem(Map<String, AttributeValue> item) {
        return new ApiKey(
                item.get(KEY_ID).s(),
                item.get(SECRET_HASH).s(),
                item.get(WORKSPACE_ID).s(),
                Role.fromWire(item.get(ROLE).s()).orElseThrow(),
                item.containsKey(NAME) ? item.get(NAME).s() : "",
                Instant.parse(item.get(CREATED_AT).s()),
                item.containsKey(REVOKED_AT) ? Instant.parse(item.get(REVOKED_AT).s()) : null,
                item.containsKey(EXPIRES_AT) ? Instant.parse(item.get(EXPIRES_AT).s()) : null,
                item.containsKey(LAST_USED_AT) ? Instant.parse(item.get(LAST_USED_AT).s()) : null);
    }
}
