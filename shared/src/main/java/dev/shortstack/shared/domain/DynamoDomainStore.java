package dev.shortstack.shared.domain;

import static dev.shortstack.shared.infra.DomainAttributes.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The domains table: {@code d#<domain>} items for settings, {@code w#<workspace>} items for default domains. */
public final class DynamoDomainStore implements DomainStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDomainStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public DomainSettings settings(String domain) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key("d#" + domain)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return DomainSettings.unset(domain);
        }
        return new DomainSettings(domain, string(item, ROOT_URL), string(item, NOT_FOUND_URL), Long.parseLong(item.get(VERSION).n()),
                Instant.parse(item.get(UPDATED_AT).s()));
    }

    @Override
    public Optional<DomainSettings> replaceSettings(String domain, String rootUrl, String notFoundUrl, long expectedVersion, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key("d#" + domain));
        if (rootUrl != null) {
            item.put(ROOT_URL, AttributeValue.fromS(rootUrl));
        }
        if (notFoundUrl != null) {
            item.put(NOT_FOUND_URL, AttributeValue.fromS(notFoundUrl));
        }
        item.put(VERSION, AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        item.put(UPDATED_AT, AttributeValue.fromS(now.toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(#pk)" : "#version = :expected")
                    .expressionAttributeNames(expectedVersion == 0 ? Map.of("#pk", PK) : Map.of("#version", VERSION))
                    .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return Optional.of(new DomainSettings(domain, rootUrl, notFoundUrl, expectedVersion + 1, now));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> workspaceDefault(String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key("w#" + workspaceId)).consistentRead(true)).item();
        return Optional.ofNullable(item == null ? null : string(item, DEFAULT_DOMAIN));
    }

    @Override
    public void setWorkspaceDefault(String workspaceId, String domain, Instant now) {
        if (domain == null) {
            dynamo.deleteItem(r -> r.tableName(table).key(key("w#" + workspaceId)));
            return;
        }
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                PK, AttributeValue.fromS("w#" + workspaceId),
                DEFAULT_DOMAIN, AttributeValue.fromS(domain),
                UPDATED_AT, AttributeValue.fromS(now.toString()))));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, AttributeValue.fromS(pk));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
