package dev.shortstack.shared.link;

import dev.shortstack.shared.infra.LinkAttributes;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

public final class DynamoLinkReader implements LinkReader {
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoLinkReader(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * A strongly consistent read: a link created a moment ago must not be answered 404 (and then
     * negative-cached). Reads are rare behind the redirect cache, so the extra half unit is cheap.
     */
    @Override
    public Optional<Link> find(String slug) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName)
                .key(Map.of(LinkAttributes.SLUG, AttributeValue.fromS(slug)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(LinkItems.fromItem(response.item()))
                : Optional.empty();
    }
}
