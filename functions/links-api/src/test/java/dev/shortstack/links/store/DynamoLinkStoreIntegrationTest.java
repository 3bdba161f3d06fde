package dev.shortstack.links.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.paging.PageRequest;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.links.links.SlugGenerator;
import dev.shortstack.links.testing.DynamoHarness;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.infra.LinkAttributes;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.link.Link;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmulatorsExtension.class)
class DynamoLinkStoreIntegrationTest {

    /** A clock that ticks 1 ms per reading, with ties every third link to exercise the slug tie-break. */
    private static Clock steppingClock() {
        AtomicLong calls = new AtomicLong();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        return new Clock() {
            @Override
            public Instant instant() {
                return start.plusMillis(calls.getAndIncrement() / 3);
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @Test
    void listingMergesEveryShardInExactNewestFirstOrderAcrossPages(EmulatedAws aws) {
        DynamoHarness harness = new DynamoHarness(aws, 8);
        LinkService service = new LinkService(harness.links(),
                new DynamoVisitCounter(aws.dynamo(), harness.table(EnvNames.VISITS_TABLE)),
                new SlugGenerator(new SecureRandom()), steppingClock());
        Caller alice = new Caller("k1", "alice", Role.WRITE);
        Caller bob = new Caller("k2", "bob", Role.WRITE);
        List<Link> created = new ArrayList<>();
        for (int i = 0; i < 137; i++) {
            List<String> tags = i % 4 == 0 ? List.of("promo") : List.of();
            created.add(service.create(alice, new NewLink("https://example.com/" + i, null, null, null, 302, tags)));
            if (i % 10 == 0) {
                service.create(bob, new NewLink("https://bob.example/" + i, null, null, null, 302, List.of("promo")));
            }
        }
        List<String> expected = created.stream()
                .sorted(Comparator.comparing(Link::createdAt).thenComparing(Link::slug).reversed())
                .map(Link::slug).toList();

        assertThat(pageThrough(service, alice, null, 10)).containsExactlyElementsOf(expected);
        List<String> promo = created.stream().filter(l -> l.tags().contains("promo"))
                .sorted(Comparator.comparing(Link::createdAt).thenComparing(Link::slug).reversed())
                .map(Link::slug).toList();
        assertThat(pageThrough(service, alice, "promo", 7)).containsExactlyElementsOf(promo);
        List<String> searched = created.stream().filter(l -> l.url().contains("example.com/1"))
                .sorted(Comparator.comparing(Link::createdAt).thenComparing(Link::slug).reversed())
                .map(Link::slug).toList();
        assertThat(searched).hasSizeGreaterThan(10);
        assertThat(pageThrough(service, alice, null, "example.com/1", 4)).as("search in URLs")
                .containsExactlyElementsOf(searched);
        assertThat(pageThrough(service, alice, null, expected.get(5), 4)).as("search by slug").contains(expected.get(5));

        Set<String> shardsUsed = aws.dynamo().scanPaginator(r -> r.tableName(harness.table(EnvNames.LINKS_TABLE))).items().stream()
                .filter(item -> item.get(LinkAttributes.WORKSPACE_ID).s().equals("alice"))
                .map(item -> item.get(LinkAttributes.WORKSPACE_SHARD).s())
                .collect(Collectors.toSet());
        assertThat(shardsUsed).as("one workspace spreads over every index shard").hasSize(8);
    }

    @Test
    void searchAndTagFiltersIgnoreCaseAndStillFindLinksWrittenBeforeTheLowerCaseCopies(EmulatedAws aws) {
        DynamoHarness harness = new DynamoHarness(aws, 2);
        LinkService service = new LinkService(harness.links(),
                new DynamoVisitCounter(aws.dynamo(), harness.table(EnvNames.VISITS_TABLE)),
                new SlugGenerator(new SecureRandom()), steppingClock());
        Caller alice = new Caller("k1", "alice", Role.WRITE);
        service.create(alice, new NewLink("https://Example.com/Big-Launch", "Launch-2026", null, null, 302, List.of("Promo", "q4")));
        service.create(alice, new NewLink("https://example.com/small", "small-one", null, null, 302, List.of("promo"), "Spring Sale",
                "Not searched: only titles are", null));
        Link older = service.create(alice, new NewLink("https://example.com/Legacy", "Legacy-Link", null, null, 302, List.of("Old")));
        // As an item written before the lower-case copies existed.
        aws.dynamo().updateItem(r -> r.tableName(harness.table(EnvNames.LINKS_TABLE))
                .key(Map.of(LinkAttributes.SLUG, AttributeValue.fromS(older.slug())))
                .updateExpression("REMOVE " + LinkAttributes.SEARCH_KEY + ", " + LinkAttributes.TAG_KEYS));

        assertThat(pageThrough(service, alice, null, "launch", 10)).containsExactly("Launch-2026");
        assertThat(pageThrough(service, alice, null, "BIG-LAUNCH", 10)).containsExactly("Launch-2026");
        assertThat(pageThrough(service, alice, null, "EXAMPLE.COM/S", 10)).containsExactly("small-one");
        assertThat(pageThrough(service, alice, null, "spring sale", 10)).as("a title, ignoring case").containsExactly("small-one");
        assertThat(pageThrough(service, alice, null, "Sale", 10)).as("a title, as written").containsExactly("small-one");
        assertThat(pageThrough(service, alice, null, "only titles", 10)).as("descriptions are not searched").isEmpty();
        assertThat(pageThrough(service, alice, "PROMO", 10)).containsExactlyInAnyOrder("Launch-2026", "small-one");
        assertThat(pageThrough(service, alice, "promo", 10)).containsExactlyInAnyOrder("Launch-2026", "small-one");
        assertThat(pageThrough(service, alice, null, "Legacy", 10)).as("an older item, as written").containsExactly("Legacy-Link");
        assertThat(pageThrough(service, alice, "Old", 10)).as("an older item's tag, as written").containsExactly("Legacy-Link");
    }

    @Test
    void fiftyConcurrentCreatesOfOneSlugWriteExactlyOneLink(EmulatedAws aws) throws Exception {
        DynamoHarness harness = new DynamoHarness(aws, 8);
        LinkService service = harness.api().deps().links();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    service.create(new Caller("k", "ws" + (n % 3), Role.WRITE),
                            new NewLink("https://example.com/" + n, "contested", null, null, 302, List.of()));
                    return "created";
                } catch (ApiProblem problem) {
                    return problem.type().name();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(Collections.frequency(results, "created")).isEqualTo(1);
        assertThat(Collections.frequency(results, "SLUG_TAKEN")).isEqualTo(49);
        long stored = aws.dynamo().scanPaginator(r -> r.tableName(harness.table(EnvNames.LINKS_TABLE))).items().stream()
                .filter(item -> item.get(LinkAttributes.SLUG).equals(AttributeValue.fromS("contested"))).count();
        assertThat(stored).isEqualTo(1);
    }

    private static List<String> pageThrough(LinkService service, Caller caller, String tag, int pageSize) {
        return pageThrough(service, caller, tag, null, pageSize);
    }

    private static List<String> pageThrough(LinkService service, Caller caller, String tag, String search, int pageSize) {
        List<String> slugs = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<Link> page = service.list(caller, tag, search, request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            page.items().forEach(l -> slugs.add(l.slug()));
            if (page.nextCursor() == null) {
                return slugs;
            }
            request = request.next(page.nextCursor());
        }
    }
}
