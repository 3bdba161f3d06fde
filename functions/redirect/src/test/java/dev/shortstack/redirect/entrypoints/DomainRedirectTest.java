package dev.shortstack.redirect.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.event;
import static dev.shortstack.shared.testing.Fixtures.withHeader;
import static dev.shortstack.shared.testing.Fixtures.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.redirect.lookup.CachedDomainSettings;
import dev.shortstack.redirect.service.DomainPages;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.testing.InMemoryDomainStore;
import dev.shortstack.shared.testing.InMemoryPasswordAttempts;
import dev.shortstack.shared.testing.InMemoryVisitCounter;
import dev.shortstack.shared.testing.RecordingClickPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Short domains at the redirect, driven by events/redirect: the link is found by the domain the visitor asked for
 * ({@code x-shortstack-host}, as CloudFront's function and the runner write it); visits that find no link go to the
 * pages the domain's owner chose.
 */
class DomainRedirectTest {
    private static final Instant NOW = Instant.parse("2026-12-02T09:30:00Z");
    private static final ShortDomains DOMAINS = ShortDomains.parse("go.sho.rt=ws,team.example=other", null);
    private final Map<String, Link> links = new HashMap<>();
    private final InMemoryDomainStore domainStore = new InMemoryDomainStore();
    private RecordingClickPublisher clicks;
    private RedirectFunction function;

    @BeforeEach
    void setUp() {
        clicks = new RecordingClickPublisher();
        DomainPages pages = new DomainPages(DOMAINS, new CachedDomainSettings(domainStore, Duration.ofSeconds(30), Ticker.systemTicker()));
        function = new RedirectFunction(RedirectDependencies.of(key -> Optional.ofNullable(links.get(key)),
                new InMemoryVisitCounter(), new InMemoryPasswordAttempts(), clicks, "test-visitor-hash-key", Duration.ZERO, 100, 3600,
                Clock.fixed(NOW, ZoneOffset.UTC), pages));
        links.put("launch-2026", link(null, "https://example.com/default-domain"));
        links.put("go.sho.rt/launch-2026", link("go.sho.rt", "https://example.com/go-domain"));
    }

    @Test
    void theSameSlugOnTwoDomainsGoesWhereEachDomainsLinkSays() {
        JsonNode onDomain = invoke(event("redirect/get-slug-on-domain.json"));
        JsonNode onDefault = invoke(withoutHeader(event("redirect/get-slug-on-domain.json"), "x-shortstack-host"));

        assertThat(onDomain.path("headers").path("location").asText()).isEqualTo("https://example.com/go-domain");
        assertThat(onDefault.path("headers").path("location").asText()).isEqualTo("https://example.com/default-domain");
        assertThat(clicks.published()).extracting(c -> c.linkId()).containsExactly("go.sho.rt-id", "default-id");
    }

    @Test
    void aHostIsMatchedWhateverItsCasePortOrTrailingDot() {
        for (String host : List.of("GO.SHO.RT", "go.sho.rt:443", "go.sho.rt.")) {
            JsonNode response = invoke(host(host));
            assertThat(response.path("headers").path("location").asText()).as(host).isEqualTo("https://example.com/go-domain");
        }
    }

    @Test
    void aHostTheStageDoesNotKnowIsTheDefaultDomain() {
        JsonNode response = invoke(host("d111111abcdef8.cloudfront.net"));

        assertThat(response.path("headers").path("location").asText()).isEqualTo("https://example.com/default-domain");
    }

    @Test
    void anUnknownSlugOnAnOwnedDomainGoesToItsNotFoundPageAndIsItsOwnersOrphanVisitNotAClick() {
        domainStore.replaceSettings("go.sho.rt", null, "https://example.com/missing", 0, NOW);

        JsonNode response = invoke(path(host("go.sho.rt"), "nothing-here"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(302);
        assertThat(response.path("headers").path("location").asText()).isEqualTo("https://example.com/missing");
        assertThat(response.path("headers").path("x-shortstack-fallback").asText()).isEqualTo("not found");
        assertThat(response.path("headers").path("cache-control").asText()).isEqualTo(CachePolicy.MISS);
        assertThat(clicks.published()).singleElement().satisfies(orphan -> {
            assertThat(orphan.workspaceId()).isEqualTo("ws~orphans");
            assertThat(orphan.linkId()).isEqualTo("invalid_short_url@go.sho.rt");
            assertThat(orphan.slug()).isEqualTo("/nothing-here");
            assertThat(orphan.status()).isEqualTo(302);
        });
    }

    @Test
    void pathsThatCannotBeSlugsAreRegular404sAndTheRootIsTheBaseUrl() {
        invoke(path(host("go.sho.rt"), "wp-login.php"));
        invoke(path(host("go.sho.rt"), ""));

        assertThat(clicks.published()).extracting(c -> c.linkId() + " " + c.slug() + " " + c.status())
                .containsExactly("regular_404@go.sho.rt /wp-login.php 404", "base_url@go.sho.rt / 404");
    }

    @Test
    void aPrimingRequestLeavesNoOrphanVisitOnAnOwnedDefaultDomainWhileAVisitorsDoes() {
        RedirectFunction owned = new RedirectFunction(RedirectDependencies.of(key -> Optional.empty(), new InMemoryVisitCounter(),
                new InMemoryPasswordAttempts(), clicks, "test-visitor-hash-key", Duration.ZERO, 100, 3600, Clock.fixed(NOW, ZoneOffset.UTC),
                new DomainPages(ShortDomains.parse("", "ws"), new CachedDomainSettings(domainStore, Duration.ofSeconds(30),
                        Ticker.systemTicker()))));

        assertThat(owned.prime(null).statusCode()).isEqualTo(404);
        assertThat(clicks.published()).isEmpty();
        LambdaInvoker.invoke(owned, "redirect", path(withoutHeader(event("redirect/get-slug.json"), "x-shortstack-host"), "health"));
        assertThat(clicks.published()).extracting(c -> c.workspaceId() + " " + c.linkId()).containsExactly("ws~orphans invalid_short_url@default");
    }

    @Test
    void theRootOfAnOwnedDomainGoesToItsRootPageAndWithoutOneIsTheNotFoundPage() {
        JsonNode before = invoke(path(host("team.example"), ""));
        domainStore.replaceSettings("team.example", "https://team.example.org/", null, 0, NOW);
        JsonNode cached = invoke(path(host("team.example"), ""));

        assertThat(before.path("statusCode").asInt()).isEqualTo(404);
        assertThat(cached.path("statusCode").asInt()).as("the instance keeps the pages it read for 30 s").isEqualTo(404);
        assertThat(domainStore.settingsReads.get()).isEqualTo(1);

        RedirectFunction fresh = new RedirectFunction(RedirectDependencies.of(key -> Optional.empty(), new InMemoryVisitCounter(),
                new InMemoryPasswordAttempts(), clicks, "test-visitor-hash-key", Duration.ZERO, 100, 3600, Clock.fixed(NOW, ZoneOffset.UTC),
                new DomainPages(DOMAINS, new CachedDomainSettings(domainStore, Duration.ofSeconds(30), Ticker.systemTicker()))));
        JsonNode after = LambdaInvoker.invoke(fresh, "redirect", path(host("team.example"), ""));
        assertThat(after.path("statusCode").asInt()).isEqualTo(302);
        assertThat(after.path("headers").path("location").asText()).isEqualTo("https://team.example.org/");
        assertThat(after.path("headers").path("x-shortstack-fallback").asText()).isEqualTo("root");
    }

    @Test
    void theDefaultDomainWithoutAnOwnerHasNoPagesAndReadsNone() {
        JsonNode unknown = invoke(path(withoutHeader(event("redirect/get-slug.json"), "x-shortstack-host"), "nothing-here"));
        JsonNode root = invoke(path(withoutHeader(event("redirect/get-slug.json"), "x-shortstack-host"), ""));

        assertThat(unknown.path("statusCode").asInt()).isEqualTo(404);
        assertThat(root.path("statusCode").asInt()).isEqualTo(404);
        assertThat(domainStore.settingsReads.get()).isZero();
        assertThat(clicks.published()).as("nobody could read them: not kept").isEmpty();
    }

    private JsonNode invoke(ObjectNode event) {
        return LambdaInvoker.invoke(function, "redirect", event);
    }

    private static ObjectNode host(String host) {
        return withHeader(event("redirect/get-slug.json"), "x-shortstack-host", host);
    }

    private static ObjectNode path(ObjectNode event, String slug) {
        ObjectNode copy = event.deepCopy();
        copy.put("rawPath", "/" + slug);
        copy.withObjectProperty("requestContext").withObjectProperty("http").put("path", "/" + slug);
        if (slug.isEmpty()) {
            copy.remove("pathParameters");
        } else {
            copy.withObjectProperty("pathParameters").put("slug", slug);
        }
        return copy;
    }

    private static Link link(String domain, String url) {
        return new Link("launch-2026", (domain == null ? "default" : domain) + "-id", "ws", url, 302, NOW.minusSeconds(60),
                NOW.minusSeconds(60), null, null, List.of(), false, 1, "key").onDomain(domain);
    }
}
