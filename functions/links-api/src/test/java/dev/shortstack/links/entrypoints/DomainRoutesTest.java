package dev.shortstack.links.entrypoints;

import static dev.shortstack.links.testing.LinksApiHarness.as;
import static dev.shortstack.shared.testing.Fixtures.body;
import static dev.shortstack.shared.testing.Fixtures.event;
import static dev.shortstack.shared.testing.Fixtures.withBody;
import static dev.shortstack.shared.testing.Fixtures.withQuery;
import static dev.shortstack.shared.testing.Fixtures.withRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.testing.InMemoryApiKeyStore;
import dev.shortstack.links.testing.InMemoryLinkStore;
import dev.shortstack.links.testing.LinksApiHarness;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.testing.InMemoryVisitCounter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Short domains through the links API, driven by events/links-api: the harness's stage has sho.rt (default, its pages the
 * fixture workspace's), go.sho.rt (the fixture workspace's) and team.example (another workspace's).
 */
class DomainRoutesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:30:00Z"), ZoneOffset.UTC);
    private InMemoryLinkStore links;
    private LinksApiHarness api;

    @BeforeEach
    void setUp() {
        links = new InMemoryLinkStore();
        api = new LinksApiHarness(links, new InMemoryVisitCounter(), new InMemoryApiKeyStore(), CLOCK);
    }

    @Test
    void aWorkspaceListsTheDefaultDomainAndItsOwnNeverAnothers() {
        JsonNode domains = body(api.invoke(event("links-api/list-domains.json"))).path("items");

        assertThat(domains).extracting(d -> d.path("domain").asText()).containsExactly("sho.rt", "go.sho.rt");
        assertThat(domains.get(0).path("stageDefault").asBoolean()).isTrue();
        assertThat(domains.get(0).path("default").asBoolean()).as("the workspace's default until it picks another").isTrue();
        assertThat(domains.get(1).path("shortBaseUrl").asText()).isEqualTo("https://go.sho.rt");
        assertThat(domains.get(1).path("owned").asBoolean()).isTrue();

        JsonNode other = body(api.invoke(as(event("links-api/list-domains.json"), api.key("other-team", Role.READ)))).path("items");
        assertThat(other).extracting(d -> d.path("domain").asText()).containsExactly("sho.rt", "team.example");
        assertThat(other.get(0).path("owned").asBoolean()).as("sho.rt's pages are the fixture workspace's").isFalse();
        assertThat(other.get(0).path("rootUrl").isNull()).isTrue();
    }

    @Test
    void theSameSlugLivesOnTwoDomainsAsTwoLinks() {
        JsonNode onDomain = api.invoke(event("links-api/create-link-on-domain.json"));
        JsonNode onDefault = api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.org/other\",\"slug\":\"spring\"}"));

        assertThat(onDomain.path("statusCode").asInt()).isEqualTo(201);
        assertThat(onDomain.path("headers").path("location").asText()).isEqualTo("/v1/links/spring?domain=go.sho.rt");
        assertThat(body(onDomain).path("shortUrl").asText()).isEqualTo("https://go.sho.rt/spring");
        assertThat(body(onDomain).path("domain").asText()).isEqualTo("go.sho.rt");
        assertThat(onDefault.path("statusCode").asInt()).isEqualTo(201);
        assertThat(body(onDefault).path("shortUrl").asText()).isEqualTo("https://sho.rt/spring");
        assertThat(body(onDefault).path("domain").asText()).isEqualTo("sho.rt");

        assertThat(body(api.invoke(event("links-api/get-link-on-domain.json"))).path("url").asText()).isEqualTo("https://example.com/spring");
        ObjectNode getDefault = withQuery(event("links-api/get-link-on-domain.json"), Map.of());
        assertThat(body(api.invoke(getDefault)).path("url").asText()).isEqualTo("https://example.org/other");
        ObjectNode byDefaultHost = withQuery(event("links-api/get-link-on-domain.json"), Map.of("domain", "SHO.RT"));
        assertThat(body(api.invoke(byDefaultHost)).path("url").asText()).as("the default domain named by host").isEqualTo("https://example.org/other");
        assertThat(links.keys()).containsExactlyInAnyOrder("spring", "go.sho.rt/spring");
    }

    @Test
    void aSlugTakenOnOneDomainIsTakenThereOnly() {
        api.invoke(event("links-api/create-link-on-domain.json"));
        JsonNode again = api.invoke(event("links-api/create-link-on-domain.json"));

        assertThat(again.path("statusCode").asInt()).isEqualTo(409);
        assertThat(body(again).path("detail").asText()).contains("on go.sho.rt");
    }

    @Test
    void anotherWorkspacesDomainIsRefusedAsAFieldAndNothingIsStored() {
        JsonNode refused = api.invoke(withBody(event("links-api/create-link.json"),
                "{\"url\":\"https://example.com/x\",\"domain\":\"team.example\"}"));

        assertThat(refused.path("statusCode").asInt()).isEqualTo(400);
        assertThat(body(refused).path("errors").get(0).path("field").asText()).isEqualTo("domain");
        assertThat(links.keys()).isEmpty();
    }

    @Test
    void theWorkspacesDefaultDomainTakesLinksThatNameNone() {
        JsonNode updated = api.invoke(event("links-api/update-domain.json"));
        assertThat(updated.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(updated).path("default").asBoolean()).isTrue();

        JsonNode link = body(api.invoke(event("links-api/create-link-random-slug.json")));
        assertThat(link.path("domain").asText()).isEqualTo("go.sho.rt");
        assertThat(link.path("shortUrl").asText()).startsWith("https://go.sho.rt/");

        JsonNode listed = body(api.invoke(event("links-api/list-domains.json"))).path("items");
        assertThat(listed.get(0).path("default").asBoolean()).isFalse();
        assertThat(listed.get(1).path("default").asBoolean()).isTrue();

        api.invoke(withBody(withRequest(event("links-api/update-domain.json"), "PATCH", "/v1/domains/sho.rt"), "{\"default\":true}"));
        assertThat(body(api.invoke(event("links-api/create-link-random-slug.json"))).path("domain").asText()).isEqualTo("sho.rt");
    }

    @Test
    void anOwnerSetsAndClearsItsDomainsPagesWhichTheStoreKeeps() {
        JsonNode set = body(api.invoke(event("links-api/update-domain.json")));
        assertThat(set.path("rootUrl").asText()).isEqualTo("https://example.com/");
        assertThat(set.path("notFoundUrl").asText()).isEqualTo("https://example.com/missing");
        assertThat(api.domainStore().settings("go.sho.rt").rootUrl()).isEqualTo("https://example.com/");

        JsonNode cleared = body(api.invoke(withBody(event("links-api/update-domain.json"), "{\"rootUrl\":null}")));
        assertThat(cleared.path("rootUrl").isNull()).isTrue();
        assertThat(cleared.path("notFoundUrl").asText()).as("left as it was").isEqualTo("https://example.com/missing");

        JsonNode defaultPages = body(api.invoke(withBody(withRequest(event("links-api/update-domain.json"), "PATCH", "/v1/domains/sho.rt"),
                "{\"notFoundUrl\":\"https://example.com/404\"}")));
        assertThat(defaultPages.path("notFoundUrl").asText()).isEqualTo("https://example.com/404");
        assertThat(api.domainStore().settings(ShortDomains.DEFAULT_DOMAIN).notFoundUrl()).isEqualTo("https://example.com/404");
    }

    @Test
    void aWorkspaceThatDoesNotOwnTheDefaultDomainMayUseItButNotSetItsPages() {
        String otherAdmin = api.key("other-team", Role.ADMIN);
        ObjectNode patch = withBody(withRequest(event("links-api/update-domain.json"), "PATCH", "/v1/domains/sho.rt"),
                "{\"rootUrl\":\"https://example.com/\"}");

        JsonNode refused = api.invoke(as(patch, otherAdmin));

        assertThat(refused.path("statusCode").asInt()).isEqualTo(403);
        assertThat(api.domainStore().settings(ShortDomains.DEFAULT_DOMAIN).version()).isZero();
        JsonNode madeDefault = api.invoke(as(withBody(patch, "{\"default\":true}"), otherAdmin));
        assertThat(madeDefault.path("statusCode").asInt()).isEqualTo(200);
    }
}
