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
    private final boolean eventuallyConsistentFirst;

    private DynamoLinkReader(DynamoDbClient dynamo, String tableName, boolean eventuallyConsistentFirst) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.eventuallyConsistentFirst = eventuallyConsistentFirst;
    }

    /**
     * For the redirect: an eventually consistent read first (half a read unit; the redirect caches what
     * it finds for seconds anyway), and only when that finds nothing a strongly consistent one, so that
     * a link created a moment ago is not answered 404 (and then negative-cached). Unknown slugs pay 1.5
     * units, links that exist 0.5 instead of 1.
     */
    public static DynamoLinkReader eventuallyConsistentFirst(DynamoDbClient dynamo, String tableName) {
        return new DynamoLinkReader(dynamo, tableName, true);
    }

    /**
     * For the API: always strongly consistent, so that an edit's ETag, an If-Match right after it, or a
     * GET right after a DELETE see the link as it is.
     */
    public static DynamoLinkReader stronglyConsistent(DynamoDbClient dynamo, String tableName) {
        return new DynamoLinkReader(dynamo, tableName, false);
    }

    @Override
    public Optional<Link> find(String slug) {
        return eventuallyConsistentFirst ? read(slug, false).or(() -> read(slug, true)) : read(slug, true);
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
