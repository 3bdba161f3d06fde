package dev.shortstack.links.compat.bitly;

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

/** Bitly's API in the links API, driven by the Bitly sample event in events/links-api. */
class BitlyLinkRoutesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
    private InMemoryLinkStore links;
    private LinksApiHarness api;

    @BeforeEach
    void setUp() {
        links = new InMemoryLinkStore();
        api = LinksApiHarness.inMemory(links, CLOCK);
    }

    @Test
    void createTakesNodeBitlysRequestAndAnswersABitlinkOnShortstacksDomain() {
        JsonNode response = api.invoke(event("links-api/bitly-create-bitlink.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        JsonNode bitlink = body(response);
        String slug = bitlink.path("id").asText().substring("sho.rt/".length());
        assertThat(bitlink.path("id").asText()).startsWith("sho.rt/");
        assertThat(bitlink.path("link").asText()).isEqualTo("https://sho.rt/" + slug);
        assertThat(bitlink.path("long_url").asText()).isEqualTo("https://example.com/launch");
        assertThat(bitlink.path("created_at").asText()).isEqualTo("2026-11-28T09:30:00+0000");
        assertThat(bitlink.path("tags")).extracting(JsonNode::asText).containsExactly("campaign", "q4");
        assertThat(links.find(slug).orElseThrow().url()).isEqualTo("https://example.com/launch");
    }

    @Test
    void aBitlinkIsFoundByDomainAndBackHalfWhateverTheDomainOrByTheBackHalfAlone() {
        String id = body(api.invoke(event("links-api/bitly-create-bitlink.json"))).path("id").asText();
        String slug = id.substring(id.indexOf('/') + 1);
        ObjectNode get = withRequest(event("links-api/bitly-create-bitlink.json"), "GET", "/v4/bitlinks/bit.ly/" + slug);

        assertThat(body(api.invoke(get)).path("id").asText()).isEqualTo(id);
        assertThat(body(api.invoke(withRequest(get, "GET", "/v4/bitlinks/" + slug))).path("id").asText()).isEqualTo(id);
        JsonNode missing = api.invoke(withRequest(get, "GET", "/v4/bitlinks/bit.ly/nothere1"));
        assertThat(missing.path("statusCode").asInt()).isEqualTo(404);
        assertThat(body(missing).path("message").asText()).isEqualTo("NOT_FOUND");
        assertThat(body(missing).path("resource").asText()).isEqualTo("bitlinks");
    }

    @Test
    void whatShortstackCannotKeepIsRefusedInBitlysShapeAndNothingIsCreated() {
        JsonNode response = api.invoke(withBody(event("links-api/bitly-create-bitlink.json"),
                "{\"long_url\": \"https://example.com/x\", \"archived\": true, \"deeplinks\": [{\"app_id\": \"x\"}], \"domain\": \"acme.co\"}"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(problem.path("message").asText()).startsWith("INVALID_ARG_");
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("archived", "deeplinks");
        JsonNode foreignDomain = body(api.invoke(withBody(event("links-api/bitly-create-bitlink.json"),
                "{\"long_url\": \"https://example.com/x\", \"domain\": \"acme.co\"}")));
        assertThat(foreignDomain.path("errors")).extracting(e -> e.path("field").asText()).containsExactly("domain");
        JsonNode invalidUrl = body(api.invoke(withBody(event("links-api/bitly-create-bitlink.json"), "{\"long_url\": \"notaurl\"}")));
        assertThat(invalidUrl.path("message").asText()).isEqualTo("INVALID_ARG_LONG_URL");
        assertThat(links.size()).isZero();
    }

    @Test
    void aBitlinkOnAnotherDomainOfTheWorkspaceIsNamedByThatDomainWhileBitlyDomainsMeanTheDefaultOne() {
        JsonNode onGo = body(api.invoke(withBody(event("links-api/bitly-create-bitlink.json"),
                "{\"long_url\": \"https://example.com/go\", \"domain\": \"go.sho.rt\"}")));
        JsonNode onBitly = body(api.invoke(withBody(event("links-api/bitly-create-bitlink.json"),
                "{\"long_url\": \"https://example.com/default\", \"domain\": \"bit.ly\"}")));

        assertThat(onGo.path("id").asText()).startsWith("go.sho.rt/");
        assertThat(onGo.path("link").asText()).startsWith("https://go.sho.rt/");
        assertThat(onBitly.path("id").asText()).startsWith("sho.rt/");
        String goSlug = onGo.path("id").asText().substring("go.sho.rt/".length());
        JsonNode read = body(api.invoke(withRequest(event("links-api/bitly-create-bitlink.json"), "GET", "/v4/bitlinks/go.sho.rt/" + goSlug)));
        assertThat(read.path("long_url").asText()).isEqualTo("https://example.com/go");
        String defaultSlug = onBitly.path("id").asText().substring("sho.rt/".length());
        JsonNode byBitlyId = body(api.invoke(withRequest(event("links-api/bitly-create-bitlink.json"), "GET", "/v4/bitlinks/bit.ly/" + defaultSlug)));
        assertThat(byBitlyId.path("long_url").asText()).as("an id a script stored from Bitly").isEqualTo("https://example.com/default");
    }

    @Test
    void titlesAreKeptAndAnEmptyOrNullTitleClearsIt() {
        JsonNode created = body(api.invoke(withBody(event("links-api/bitly-create-bitlink.json"),
                "{\"long_url\": \"https://example.com/t\", \"title\": \"  Spring launch  \"}")));
        assertThat(created.path("title").asText()).isEqualTo("Spring launch");
        String id = created.path("id").asText();
        ObjectNode patch = withRequest(event("links-api/bitly-create-bitlink.json"), "PATCH", "/v4/bitlinks/" + id);
        assertThat(body(api.invoke(withBody(patch, "{\"title\": \"\"}"))).path("title").isNull()).isTrue();
        assertThat(links.find(id.substring(id.indexOf('/') + 1)).orElseThrow().title()).isNull();
    }

    @Test
    void anEditIgnoresBitlysReadOnlyFieldsAndChangesTheLinkAndTags() {
        String id = body(api.invoke(event("links-api/bitly-create-bitlink.json"))).path("id").asText();
        ObjectNode patch = withBody(withRequest(event("links-api/bitly-create-bitlink.json"), "PATCH", "/v4/bitlinks/" + id),
                "{\"id\": \"" + id + "\", \"created_at\": \"2020-01-01T00:00:00+0000\", \"long_url\": \"https://example.com/v2\","
                        + " \"tags\": [\"edited\"], \"archived\": false, \"domain\": \"bit.ly\"}");

        JsonNode edited = body(api.invoke(patch));

        assertThat(edited.path("long_url").asText()).isEqualTo("https://example.com/v2");
        assertThat(edited.path("tags")).extracting(JsonNode::asText).containsExactly("edited");
        assertThat(edited.path("created_at").asText()).isEqualTo("2026-11-28T09:30:00+0000");
        JsonNode archive = body(api.invoke(withBody(patch, "{\"archived\": true}")));
        assertThat(archive.path("message").asText()).isEqualTo("INVALID_ARG_ARCHIVED");
    }

    @Test
    void tokensAreShortstackKeysWithOrWithoutBearerAndOtherGroupsAreForbidden() {
        ObjectNode create = event("links-api/bitly-create-bitlink.json");
        assertThat(api.invoke(withHeader(create, "authorization", "Bearer " + api.key("fixtures", Role.WRITE)))
                .path("statusCode").asInt()).isEqualTo(201);
        JsonNode missing = api.invoke(withoutHeader(create, "authorization"));
        assertThat(missing.path("statusCode").asInt()).isEqualTo(403);
        assertThat(body(missing).path("message").asText()).isEqualTo("FORBIDDEN");
        JsonNode readOnly = api.invoke(withHeader(create, "authorization", api.key("fixtures", Role.READ)));
        assertThat(readOnly.path("statusCode").asInt()).isEqualTo(403);
        JsonNode otherGroup = api.invoke(withBody(create, "{\"long_url\": \"https://example.com/x\", \"group_guid\": \"someone-else\"}"));
        assertThat(otherGroup.path("statusCode").asInt()).isEqualTo(403);
        assertThat(links.size()).isEqualTo(1);
    }
}
