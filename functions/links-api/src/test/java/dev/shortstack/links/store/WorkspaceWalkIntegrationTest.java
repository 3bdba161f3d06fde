package dev.shortstack.links.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.emulators.Stage;
import dev.shortstack.links.store.dynamodb.DynamoLinkStore;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Walking every link of a workspace (what an export does) reads each index item once, counted from the
 * emulator's own answers (a Query is billed by what it reads, filtered or not), next to paging through
 * the list the way exports did before, in the same run.
 */
@ExtendWith(EmulatorsExtension.class)
class WorkspaceWalkIntegrationTest {
    private static final int SHARDS = 8;
    private static final int LINKS = 1_203;
    private static final int PAGE = 50;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aWalkReadsEachLinkOnceInNewestFirstOrderWherePagingReadEveryShardForEveryPage(EmulatedAws aws) {
        Stage stage = aws.provision("w" + UUID.randomUUID().toString().substring(0, 8));
        String linksTable = stage.resourceEnv().get(EnvNames.LINKS_TABLE);
        ItemsRead itemsRead = new ItemsRead();
        DynamoLinkStore store = new DynamoLinkStore(aws.dynamoWatchedBy(itemsRead), linksTable,
                stage.resourceEnv().get(EnvNames.VISITS_TABLE), SHARDS, PAGE);
        List<Link> alice = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            // Every third pair shares a creation time: the slug breaks the tie.
            alice.add(link("alice-" + i, "alice", START.plusMillis(i - i % 3 / 2)));
        }
        List<Link> bob = List.of(link("bob-1", "bob", START.plusMillis(5)), link("bob-2", "bob", START.plusSeconds(9)));
        write(aws, linksTable, alice);
        write(aws, linksTable, bob);
        List<String> newestFirst = alice.stream()
                .sorted(Comparator.comparing((Link l) -> LinkItems.createdKey(l.createdAt(), l.key())).reversed())
                .map(Link::slug).toList();

        itemsRead.reset();
        List<String> walked = new ArrayList<>();
        store.forEachByWorkspace("alice", null, link -> walked.add(link.slug()));
        long walkRead = itemsRead.get();

        itemsRead.reset();
        List<String> paged = new ArrayList<>();
        String after = null;
        List<Link> page;
        do {
            page = store.listByWorkspace("alice", null, null, after, PAGE);
            page.forEach(link -> paged.add(link.slug()));
            if (!page.isEmpty()) {
                Link last = page.get(page.size() - 1);
                after = LinkItems.createdKey(last.createdAt(), last.key());
            }
        } while (page.size() == PAGE);
        long pagedRead = itemsRead.get();

        assertThat(walked).as("the walk, newest first, alice's links only").containsExactlyElementsOf(newestFirst);
        assertThat(paged).as("paging gives the same links").containsExactlyElementsOf(newestFirst);
        assertThat(walkRead).as("index items the walk read").isEqualTo(LINKS);
        assertThat(pagedRead).as("index items paging read").isGreaterThan(4L * LINKS);
        System.out.printf("Walking %d links over %d shards read %d index items; paging %d at a time read %d (%.1f×)%n",
                LINKS, SHARDS, walkRead, PAGE, pagedRead, (double) pagedRead / walkRead);

        itemsRead.reset();
        List<String> firstHundred = new ArrayList<>();
        store.forEachByWorkspace("alice", null, link -> firstHundred.add(link.slug()) && firstHundred.size() < 100);
        assertThat(firstHundred).containsExactlyElementsOf(newestFirst.subList(0, 100));
        assertThat(itemsRead.get()).as("a walk stopped after 100 reads at most a page per shard beyond them")
                .isLessThanOrEqualTo(100 + (long) SHARDS * PAGE);

        Link fifth = alice.stream().filter(l -> l.slug().equals(newestFirst.get(4))).findFirst().orElseThrow();
        List<String> older = new ArrayList<>();
        store.forEachByWorkspace("alice", LinkItems.createdKey(fifth.createdAt(), fifth.key()), link -> older.add(link.slug()));
        assertThat(older).as("a walk from a position starts just after it").containsExactlyElementsOf(newestFirst.subList(5, LINKS));
    }

    private static Link link(String slug, String workspace, Instant createdAt) {
        return new Link(slug, UUID.randomUUID().toString(), workspace, "https://example.com/" + slug, 302, createdAt, createdAt,
                null, null, List.of(), false, 1, "key-1");
    }

    private static void write(EmulatedAws aws, String table, List<Link> links) {
        for (int from = 0; from < links.size(); from += 25) {
            List<WriteRequest> puts = links.subList(from, Math.min(links.size(), from + 25)).stream()
                    .map(link -> WriteRequest.builder().putRequest(PutRequest.builder().item(LinkItems.toItem(link, SHARDS)).build()).build())
                    .toList();
            assertThat(aws.dynamo().batchWriteItem(r -> r.requestItems(java.util.Map.of(table, puts))).unprocessedItems()).isEmpty();
        }
    }

    /** Items every Query read (ScannedCount: before any filter, as DynamoDB bills them). */
    private static final class ItemsRead implements ExecutionInterceptor {
        private final AtomicLong items = new AtomicLong();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse query) {
                items.addAndGet(query.scannedCount());
            }
        }

        long get() {
            return items.get();
        }

        void reset() {
            items.set(0);
        }
    }
}
