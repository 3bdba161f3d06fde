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
     * An eventually consistent read first (half a read unit, and the redirect caches what it finds for
     * seconds anyway); only when that finds nothing, a strongly consistent one, so that a link created
     * a moment ago is not answered 404 (and then negative-cached). Unknown slugs pay 1.5 units, links
     * that exist 0.5 instead of 1.
     */
    @Override
    public Optional<Link> find(String slug) {
        return read(slug, false).or(() -> read(slug, true));
    }

    private Optional<Link> read(String slug, boolean consistent) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName)
                .key(Map.of(LinkAttributes.SLUG, AttributeValue.fromS(slug)))
                .consistentRead(consistent));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(LinkItems.fromItem(response.item()))
                : Optional.empty();
    }
}
