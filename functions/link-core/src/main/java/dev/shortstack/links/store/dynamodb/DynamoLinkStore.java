package dev.shortstack.links.store.dynamodb;

import static dev.shortstack.shared.infra.LinkAttributes.*;

import dev.shortstack.links.links.LinkStore;
import dev.shortstack.shared.infra.VisitAttributes;
import dev.shortstack.shared.link.DynamoLinkReader;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import dev.shortstack.shared.concurrent.DaemonPool;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The links table. Listing merges the workspace's index shards: each shard is read newest first
 * (lazily, through the SDK's paginator) and a k-way merge on the unique sort key takes the
 * overall newest, so the order is exact whatever the number of shards.
 */
public final class DynamoLinkStore implements LinkStore {
    /** Shards of the workspace index unless LINK_INDEX_SHARDS says otherwise (the API, the stats API and the jobs worker agree). */
    public static final int DEFAULT_INDEX_SHARDS = 8;

    /** Shard queries run in parallel for the first page; threads are daemons so a JVM can exit. */
    private static final ExecutorService SHARD_READERS = DaemonPool.fixed("link-shard-reader", 8);

    /** Items per shard query when every link is walked (an export): large pages, each item read once. */
    public static final int STREAM_PAGE = 1_000;

    private final DynamoDbClient dynamo;
    private final String linksTable;
    private final String visitsTable;
    private final int indexShards;
    private final int streamPage;
    private final DynamoLinkReader reader;

    public DynamoLinkStore(DynamoDbClient dynamo, String linksTable, String visitsTable, int indexShards) {
        this(dynamo, linksTable, visitsTable, indexShards, STREAM_PAGE);
    }

    /** @param streamPage items per shard query when every link of a workspace is walked ({@link #forEachByWorkspace}) */
    public DynamoLinkStore(DynamoDbClient dynamo, String linksTable, String visitsTable, int indexShards, int streamPage) {
        this.streamPage = streamPage;
        this.dynamo = dynamo;
        this.linksTable = linksTable;
        this.visitsTable = visitsTable;
        this.indexShards = indexShards;
        this.reader = DynamoLinkReader.stronglyConsistent(dynamo, linksTable);
    }

    @Override
    public Optional<Link> find(String slug) {
        return reader.find(slug);
    }

    @Override
    public boolean create(Link link) {
        try {
            dynamo.putItem(r -> r.tableName(linksTable)
                    .item(LinkItems.toItem(link, indexShards))
                    .conditionExpression("attribute_not_exists(#slug)")
                    .expressionAttributeNames(Map.of("#slug", SLUG)));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean replace(Link updated, long expectedVersion) {
        try {
            dynamo.putItem(r -> r.tableName(linksTable)
                    .item(LinkItems.toItem(updated, indexShards))
                    .conditionExpression("#version = :expected AND #linkId = :linkId")
                    .expressionAttributeNames(Map.of("#version", VERSION, "#linkId", LINK_ID))
                    .expressionAttributeValues(Map.of(
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                            ":linkId", AttributeValue.fromS(updated.linkId()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public boolean delete(Link link, long expectedVersion) {
        try {
            TransactWriteItem deleteLink = TransactWriteItem.builder().delete(d -> d.tableName(linksTable)
                    .key(Map.of(SLUG, AttributeValue.fromS(link.key())))
                    .conditionExpression("#version = :expected AND #linkId = :linkId")
                    .expressionAttributeNames(Map.of("#version", VERSION, "#linkId", LINK_ID))
                    .expressionAttributeValues(Map.of(
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                            ":linkId", AttributeValue.fromS(link.linkId())))).build();
            TransactWriteItem deleteVisits = TransactWriteItem.builder().delete(d -> d.tableName(visitsTable)
                    .key(Map.of(VisitAttributes.LINK_ID, AttributeValue.fromS(link.linkId())))).build();
            dynamo.transactWriteItems(r -> r.transactItems(List.of(deleteLink, deleteVisits)));
            return true;
        } catch (TransactionCanceledException e) {
            boolean conditionFailed = e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
            if (conditionFailed) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Link> listByWorkspace(String workspaceId, String tag, String search, String afterCreatedKey, int limit) {
        ShardMerge merge = ShardMerge.open(dynamo, shardQueries(workspaceId, tag, search, afterCreatedKey, limit));
        List<Link> page = new ArrayList<>(limit);
        while (page.size() < limit && merge.hasNext()) {
            page.add(LinkItems.fromItem(merge.next()));
        }
        return page;
    }

    /**
     * One merge over every shard for the whole walk, so each item is read once: paging with
     * {@link #listByWorkspace} would read up to a page from every shard for each page it returns.
     */
    @Override
    public void forEachByWorkspace(String workspaceId, String beforeCreatedKey, Predicate<Link> action) {
        ShardMerge merge = ShardMerge.open(dynamo, shardQueries(workspaceId, null, null, beforeCreatedKey, streamPage));
        while (merge.hasNext() && action.test(LinkItems.fromItem(merge.next()))) {
            // The action took the link; the merge reads a shard's next page only when its head is used up.
        }
    }

    private List<QueryRequest> shardQueries(String workspaceId, String tag, String search, String afterCreatedKey, int pageSize) {
        List<QueryRequest> queries = new ArrayList<>(indexShards);
        for (int shard = 0; shard < indexShards; shard++) {
            queries.add(shardQuery(workspaceId, shard, tag, search, afterCreatedKey, pageSize));
        }
        return queries;
    }

    private QueryRequest shardQuery(String workspaceId, int shard, String tag, String search, String afterCreatedKey, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#shard", WORKSPACE_SHARD));
        Map<String, AttributeValue> values = new HashMap<>(
                Map.of(":shard", AttributeValue.fromS(LinkItems.workspaceShardKey(workspaceId, shard))));
        String keyCondition = "#shard = :shard";
        if (afterCreatedKey != null) {
            keyCondition += " AND #created < :after";
            names.put("#created", CREATED_KEY);
            values.put(":after", AttributeValue.fromS(afterCreatedKey));
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(linksTable)
                .indexName(WORKSPACE_INDEX)
                .scanIndexForward(false)
                .limit(limit);
        List<String> filters = new ArrayList<>();
        // Case-insensitive: the lower-case copies where an item has them (LinkItems), its own attributes where it is
        // lower case already, and the text as given for items written before the copies existed.
        if (tag != null) {
            filters.add("(contains(#tagKeys, :tagLower) OR contains(#tags, :tagLower) OR contains(#tags, :tag))");
            names.put("#tags", TAGS);
            names.put("#tagKeys", TAG_KEYS);
            values.put(":tag", AttributeValue.fromS(tag));
            values.put(":tagLower", AttributeValue.fromS(tag.toLowerCase(Locale.ROOT)));
        }
        if (search != null) {
            // A filter, so DynamoDB still reads the shard in order; the merge pulls pages until the page is full.
            filters.add("(contains(#searchKey, :searchLower) OR contains(#slug, :searchLower) OR contains(#url, :searchLower)"
                    + " OR contains(#title, :searchLower) OR contains(#slug, :search) OR contains(#url, :search) OR contains(#title, :search))");
            names.put("#slug", SLUG);
            names.put("#url", URL);
            names.put("#title", TITLE);
            names.put("#searchKey", SEARCH_KEY);
            values.put(":search", AttributeValue.fromS(search));
            values.put(":searchLower", AttributeValue.fromS(search.toLowerCase(Locale.ROOT)));
        }
        if (!filters.isEmpty()) {
            query.filterExpression(String.join(" AND ", filters));
        }
        return query.keyConditionExpression(keyCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** A k-way merge of the shards' items on the unique sort key, newest first; the first pages are read in parallel. */
    private static final class ShardMerge {
        private final PriorityQueue<ShardCursor> heads = new PriorityQueue<>(Comparator.comparing(ShardCursor::headKey).reversed());

        static ShardMerge open(DynamoDbClient dynamo, List<QueryRequest> queries) {
            List<CompletableFuture<ShardCursor>> opening = queries.stream()
                    .map(query -> CompletableFuture.supplyAsync(() -> ShardCursor.open(dynamo, query), SHARD_READERS))
                    .toList();
            ShardMerge merge = new ShardMerge();
            for (CompletableFuture<ShardCursor> future : opening) {
                ShardCursor cursor = future.join();
                if (cursor.hasHead()) {
                    merge.heads.add(cursor);
                }
            }
            return merge;
        }

        boolean hasNext() {
            return !heads.isEmpty();
        }

        Map<String, AttributeValue> next() {
            ShardCursor newest = heads.poll();
            Map<String, AttributeValue> item = newest.head();
            if (newest.advance()) {
                heads.add(newest);
            }
            return item;
        }
    }

    /** The items of one shard, newest first, fetched page by page only as the merge needs them. */
    private static final class ShardCursor {
        private final Iterator<Map<String, AttributeValue>> items;
        private Map<String, AttributeValue> head;

        private ShardCursor(Iterator<Map<String, AttributeValue>> items) {
            this.items = items;
        }

        static ShardCursor open(DynamoDbClient dynamo, QueryRequest query) {
            ShardCursor cursor = new ShardCursor(dynamo.queryPaginator(query).items().iterator());
            cursor.advance();
            return cursor;
        }

        boolean advance() {
            head = items.hasNext() ? items.next() : null;
            return head != null;
        }

        boolean hasHead() {
            return head != null;
        }

        Map<String, AttributeValue> head() {
            return head;
        }

        String headKey() {
            return head.get(CREATED_KEY).s();
        }
    }
}
