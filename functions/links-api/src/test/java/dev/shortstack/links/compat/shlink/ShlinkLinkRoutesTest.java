package dev.shortstack.links.compat.shlink;

import static dev.shortstack.shared.testing.Fixtures.body;
import static dev.shortstack.shared.testing.Fixtures.event;
import static dev.shortstack.shared.testing.Fixtures.withBody;
import static dev.shortstack.shared.testing.Fixtures.withHeader;
import static dev.shortstack.shared.testing.Fixtures.withRequest;
import static dev.shortstack.shared.testing.Fixtures.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.testing.InMemoryLinkStore;
import dev.shortstack.links.testing.LinksApiHarness;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shlink's REST API in the links API, driven by the Shlink sample events in events/links-api. */
class ShlinkLinkRoutesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
    private InMemoryLinkStore links;
    private LinksApiHarness api;

    @BeforeEach
    void setUp() {
        links = new InMemoryLinkStore();
        api = LinksApiHarness.inMemory(links, CLOCK);
    }

    @Test
    void createAnswersShlinksShortUrlAndStoresTheLinkShortstacksApiReads() {
        JsonNode response = api.invoke(event("links-api/shlink-create-short-url.json"));

        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode shortUrl = body(response);
        assertThat(shortUrl.path("shortCode").asText()).isEqualTo("guide");
        assertThat(shortUrl.path("shortUrl").asText()).isEqualTo("https://sho.rt/guide");
        assertThat(shortUrl.path("longUrl").asText()).isEqualTo("https://example.com/docs");
        assertThat(shortUrl.path("dateCreated").asText()).isEqualTo("2026-11-28T09:30:00+00:00");
        assertThat(shortUrl.path("meta").path("validUntil").asText()).isEqualTo("2027-06-30T00:00:00+00:00");
        assertThat(shortUrl.path("meta").path("maxVisits").asLong()).isEqualTo(100);
        assertThat(shortUrl.path("visitsSummary").toString()).isEqualTo("{\"total\":0,\"nonBots\":0,\"bots\":0}");
        assertThat(shortUrl.path("tags")).extracting(JsonNode::asText).containsExactly("Docs", "Q2 EMEA");
        assertThat(shortUrl.path("title").asText()).isEqualTo("Docs for the launch");
        JsonNode own = body(api.invoke(withRequest(event("links-api/get-link.json"), "GET", "/v1/links/guide")));
        assertThat(own.path("url").asText()).isEqualTo("https://example.com/docs");
        assertThat(own.path("expiresAt").asText()).isEqualTo("2027-06-30T00:00:00Z");
    }

    @Test
    void forwardQueryIsHonouredAndReadBackWithWhetherTheLinkHasRules() {
        JsonNode created = body(api.invoke(withBody(event("links-api/shlink-create-short-url.json"),
                "{\"longUrl\": \"https://example.com/x\", \"customSlug\": \"no-forward\", \"forwardQuery\": false}")));

        assertThat(created.path("forwardQuery").asBoolean()).isFalse();
        assertThat(created.path("hasRedirectRules").asBoolean()).isFalse();
        assertThat(links.find("no-forward").orElseThrow().forwardQuery()).isFalse();
    }

    @Test
    void fieldsShortstackCannotHonourAreRefusedByNameAndNothingIsCreated() {
        JsonNode response = api.invoke(withBody(event("links-api/shlink-create-short-url.json"),
                "{\"longUrl\": \"https://example.com/x\", \"crawlable\": true, \"findIfExists\": true,"
                        + " \"deviceLongUrls\": {\"ios\": \"https://apple.example\"}, \"domain\": \"other.example\", \"color\": \"red\"}"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://shlink.io/api/error/invalid-data");
        assertThat(problem.path("invalidElements")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("crawlable", "findIfExists", "deviceLongUrls", "color");
        assertThat(problem.path("detail").asText()).contains("crawlable cannot be true: Shortstack has no per-link crawling setting");
        JsonNode foreignDomain = body(api.invoke(withBody(event("links-api/shlink-create-short-url.json"),
                "{\"longUrl\": \"https://example.com/x\", \"domain\": \"other.example\"}")));
        assertThat(foreignDomain.path("invalidElements")).extracting(JsonNode::asText).containsExactly("domain");
        assertThat(links.size()).isZero();
    }

    @Test
    void shortUrlsLiveOnTheWorkspacesDomainsAndTheDomainsRedirectsAreItsPages() {
        JsonNode created = body(api.invoke(withBody(event("links-api/shlink-create-short-url.json"),
                "{\"longUrl\": \"https://example.com/go\", \"customSlug\": \"launch\", \"domain\": \"go.sho.rt\"}")));
        assertThat(created.path("domain").asText()).isEqualTo("go.sho.rt");
        assertThat(created.path("shortUrl").asText()).isEqualTo("https://go.sho.rt/launch");
        JsonNode onDefault = body(api.invoke(withBody(event("links-api/shlink-create-short-url.json"),
                "{\"longUrl\": \"https://example.com/default\", \"customSlug\": \"launch\"}")));
        assertThat(onDefault.path("domain").isNull()).as("Shlink names the default domain null").isTrue();

        ObjectNode edit = withBody(withRequest(event("links-api/shlink-create-short-url.json"), "PATCH", "/rest/v3/short-urls/launch"),
                "{\"title\": \"Go\"}");
        edit.putObject("queryStringParameters").put("domain", "go.sho.rt");
        assertThat(body(api.invoke(edit)).path("longUrl").asText()).isEqualTo("https://example.com/go");
        assertThat(links.find("launch").orElseThrow().title()).as("the default domain's launch is untouched").isNull();

        JsonNode redirects = body(api.invoke(withBody(withRequest(event("links-api/shlink-create-short-url.json"), "PATCH",
                "/rest/v3/domains/redirects"), "{\"domain\": \"go.sho.rt\", \"baseUrlRedirect\": \"https://example.com/home\","
                + " \"invalidShortUrlRedirect\": \"https://example.com/missing\"}")));
        assertThat(redirects.path("baseUrlRedirect").asText()).isEqualTo("https://example.com/home");
        assertThat(redirects.path("regular404Redirect").asText()).isEqualTo("https://example.com/missing");
        JsonNode domains = body(api.invoke(withRequest(event("links-api/shlink-create-short-url.json"), "GET", "/rest/v3/domains")))
                .path("domains").path("data");
        assertThat(domains).extracting(d -> d.path("domain").asText()).containsExactly("sho.rt", "go.sho.rt");
        assertThat(domains.get(1).path("redirects").path("invalidShortUrlRedirect").asText()).isEqualTo("https://example.com/missing");

        JsonNode disagreeing = api.invoke(withBody(withRequest(event("links-api/shlink-create-short-url.json"), "PATCH",
                "/rest/v3/domains/redirects"), "{\"domain\": \"go.sho.rt\", \"regular404Redirect\": \"https://a.example\","
                + " \"invalidShortUrlRedirect\": \"https://b.example\"}"));
        assertThat(disagreeing.path("statusCode").asInt()).isEqualTo(400);
        assertThat(body(disagreeing).path("invalidElements")).extracting(JsonNode::asText).containsExactly("regular404Redirect");
    }

    @Test
    void shortstacksOwnValidationNamesShlinksFields() {
        JsonNode problem = body(api.invoke(withBody(event("links-api/shlink-create-short-url.json"),
                "{\"longUrl\": \"ftp://example.com\", \"customSlug\": \"rest\", \"validUntil\": \"tomorrow\", \"tags\": [\"ok\", \"R&D\"]}")));

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("invalidElements")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("longUrl", "customSlug", "validUntil", "tags[1]");
        assertThat(problem.path("detail").asText()).contains("customSlug 'rest' is reserved");
    }

    @Test
    void aTakenSlugIsShlinksNonUniqueSlug() {
        api.invoke(event("links-api/shlink-create-short-url.json"));
        JsonNode problem = body(api.invoke(event("links-api/shlink-create-short-url.json")));

        assertThat(problem.path("type").asText()).isEqualTo("https://shlink.io/api/error/non-unique-slug");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void keysAreCheckedAsOnV1WithShlinksErrorTypes() {
        ObjectNode create = event("links-api/shlink-create-short-url.json");
        JsonNode missing = body(api.invoke(withoutHeader(create, "x-api-key")));
        assertThat(missing.path("type").asText()).isEqualTo("https://shlink.io/api/error/missing-authentication");
        JsonNode wrong = body(api.invoke(withHeader(create, "x-api-key", "ssk_wrongwrongwr_" + "x".repeat(32))));
        assertThat(wrong.path("type").asText()).isEqualTo("https://shlink.io/api/error/invalid-api-key");
        JsonNode readOnly = api.invoke(withHeader(create, "x-api-key", api.key("fixtures", Role.READ)));
        assertThat(readOnly.path("statusCode").asInt()).isEqualTo(403);
        assertThat(links.size()).isZero();
    }

    @Test
    void anEditWithNullsClearsTheEndAndTheLimit() {
        api.invoke(event("links-api/shlink-create-short-url.json"));
        JsonNode edited = body(api.invoke(withBody(withRequest(event("links-api/shlink-create-short-url.json"), "PATCH",
                "/rest/v3/short-urls/guide"), "{\"validUntil\": null, \"maxVisits\": null, \"longUrl\": \"https://example.com/v2\"}")));

        assertThat(edited.path("longUrl").asText()).isEqualTo("https://example.com/v2");
        assertThat(edited.path("meta").path("validUntil").isNull()).isTrue();
        assertThat(edited.path("meta").path("maxVisits").isNull()).isTrue();
        assertThat(edited.has("visitsSummary")).as("the links API has no figures; the stats API's GET does").isFalse();
    }

    @Test
    void deletingTagsTakesRepeatedParametersAndRemovesEachFromEveryLink() {
        api.invoke(event("links-api/shlink-create-short-url.json"));
        api.invoke(withBody(event("links-api/shlink-create-short-url.json"),
                "{\"longUrl\": \"https://example.com/keep\", \"customSlug\": \"keep\", \"tags\": [\"q2 emea\", \"keep\"]}"));

        JsonNode response = api.invoke(event("links-api/shlink-delete-tags.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(204);
        assertThat(links.find("guide").orElseThrow().tags()).isEmpty();
        assertThat(links.find("keep").orElseThrow().tags()).containsExactly("keep");
    }

    @Test
    void renamingOntoATagInUseIsShlinksTagConflictAndChangesNothing() {
        api.invoke(event("links-api/shlink-create-short-url.json"));
        ObjectNode rename = withBody(withRequest(event("links-api/shlink-create-short-url.json"), "PUT", "/rest/v3/tags"),
                "{\"oldName\": \"docs\", \"newName\": \"q2 emea\"}");

        JsonNode problem = body(api.invoke(rename));

        assertThat(problem.path("type").asText()).isEqualTo("https://shlink.io/api/error/tag-conflict");
        assertThat(links.find("guide").orElseThrow().tags()).containsExactly("Docs", "Q2 EMEA");
        JsonNode renamed = api.invoke(withBody(rename, "{\"oldName\": \"docs\", \"newName\": \"manual\"}"));
        assertThat(renamed.path("statusCode").asInt()).isEqualTo(204);
        assertThat(links.find("guide").orElseThrow().tags()).containsExactly("manual", "Q2 EMEA");
    }

    @Test
    void unknownShlinkRoutesAreShlinksNotFoundAndHealthNeedsNoKey() {
        ObjectNode get = withoutHeader(withRequest(event("links-api/shlink-delete-tags.json"), "GET", "/rest/v3/mercure-info"), "x-api-key");
        assertThat(body(api.invoke(get)).path("type").asText()).isEqualTo("https://shlink.io/api/error/not-found");
        JsonNode health = api.invoke(withRequest(get, "GET", "/rest/health"));
        assertThat(health.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(health).path("status").asText()).isEqualTo("pass");
    }
}
