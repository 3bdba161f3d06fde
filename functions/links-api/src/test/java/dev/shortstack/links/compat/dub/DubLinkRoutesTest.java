package dev.shortstack.links.compat.dub;

import static dev.shortstack.shared.testing.Fixtures.body;
import static dev.shortstack.shared.testing.Fixtures.event;
import static dev.shortstack.shared.testing.Fixtures.withBody;
import static dev.shortstack.shared.testing.Fixtures.withRequest;
import static dev.shortstack.shared.testing.Fixtures.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.testing.InMemoryLinkStore;
import dev.shortstack.links.testing.LinksApiHarness;
import dev.shortstack.shared.link.SocialPreview;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dub's API in the links API, driven by the Dub sample event in events/links-api. */
class DubLinkRoutesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final LinksApiHarness api = LinksApiHarness.inMemory(links, CLOCK);

    @Test
    void createPutsUtmFieldsIntoTheUrlAndAnswersEveryFieldDubsSchemaRequires() {
        JsonNode response = api.invoke(event("links-api/dub-create-link.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode link = body(response);
        assertThat(link.path("id").asText()).isEqualTo("launch-2026");
        assertThat(link.path("url").asText()).isEqualTo("https://example.com/launch?ref=mail&utm_source=newsletter&utm_campaign=spring+sale#top");
        assertThat(link.path("utm_campaign").asText()).isEqualTo("spring sale");
        assertThat(link.path("shortLink").asText()).isEqualTo("https://sho.rt/launch-2026");
        assertThat(link.path("tags").findValuesAsText("name")).containsExactly("campaign", "Q4");
        assertThat(link.path("tags").findValuesAsText("color")).containsOnly("gray");
        assertThat(link.path("clicks").asLong()).isZero();
        for (String required : List.of("domain", "key", "externalId", "expiresAt", "password", "title", "geo", "folderId", "qrCode",
                "userId", "workspaceId", "lastClicked", "createdAt", "updatedAt", "projectId", "webhookIds", "tagId")) {
            assertThat(link.has(required)).as(required).isTrue();
        }
        assertThat(links.find("launch-2026").orElseThrow().url()).isEqualTo(link.path("url").asText());
    }

    @Test
    void featuresShortstackDoesNotHaveAreRefusedByNameWith422AndNothingIsCreated() {
        JsonNode response = api.invoke(withBody(event("links-api/dub-create-link.json"),
                "{\"url\": \"https://example.com/x\", \"rewrite\": true, \"testVariants\": [{\"url\": \"https://b.example\"}],"
                        + " \"domain\": \"dub.sh\", \"color\": \"red\"}"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(422);
        JsonNode error = body(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unprocessable_entity");
        assertThat(error.path("message").asText()).contains("rewrite: cannot be set: Shortstack has no such setting",
                "testVariants:", "color: is not a field of a Dub link");
        JsonNode foreignDomain = api.invoke(withBody(event("links-api/dub-create-link.json"),
                "{\"url\": \"https://example.com/x\", \"domain\": \"dub.sh\"}"));
        assertThat(foreignDomain.path("statusCode").asInt()).isEqualTo(422);
        assertThat(body(foreignDomain).path("error").path("message").asText()).contains("domain: 'dub.sh' is not a short domain of this workspace");
        assertThat(links.size()).isZero();
    }

    @Test
    void aLinkOnAnotherDomainOfTheWorkspaceHasAnIdNamingItsDomainAndIsFoundByIdOrByDomainAndKey() {
        JsonNode created = body(api.invoke(withBody(event("links-api/dub-create-link.json"),
                "{\"url\": \"https://example.com/go\", \"key\": \"launch\", \"domain\": \"go.sho.rt\"}")));
        api.invoke(withBody(event("links-api/dub-create-link.json"), "{\"url\": \"https://example.com/default\", \"key\": \"launch\"}"));

        assertThat(created.path("id").asText()).isEqualTo("go.sho.rt:launch");
        assertThat(created.path("domain").asText()).isEqualTo("go.sho.rt");
        assertThat(created.path("shortLink").asText()).isEqualTo("https://go.sho.rt/launch");
        JsonNode edited = body(api.invoke(withBody(withRequest(event("links-api/dub-create-link.json"), "PATCH", "/dub/links/go.sho.rt:launch"),
                "{\"title\": \"Go\"}")));
        assertThat(edited.path("url").asText()).isEqualTo("https://example.com/go");
        assertThat(edited.path("title").asText()).isEqualTo("Go");
        assertThat(links.keys()).containsExactlyInAnyOrder("launch", "go.sho.rt/launch");
        JsonNode domains = body(api.invoke(withRequest(event("links-api/dub-create-link.json"), "GET", "/dub/domains")));
        assertThat(domains).extracting(d -> d.path("slug").asText()).containsExactly("sho.rt", "go.sho.rt");
        assertThat(domains.get(0).path("primary").asBoolean()).isTrue();
    }

    @Test
    void deviceAndCountryTargetingBecomeRulesInDubsOrderAndReadBackAndAnEditMayNotReplaceThem() {
        JsonNode created = body(api.invoke(withBody(event("links-api/dub-create-link.json"),
                "{\"url\": \"https://example.com/x\", \"key\": \"targeted\", \"geo\": {\"DE\": \"https://de.example\"},"
                        + " \"android\": \"https://play.example\", \"ios\": \"https://apps.example\", \"password\": \"open sesame!\","
                        + " \"proxy\": true, \"title\": \"Our app\", \"image\": \"https://img.example/card.png\"}")));

        assertThat(created.path("ios").asText()).isEqualTo("https://apps.example");
        assertThat(created.path("android").asText()).isEqualTo("https://play.example");
        assertThat(created.path("geo").toString()).isEqualTo("{\"DE\":\"https://de.example\"}");
        assertThat(created.path("password").isNull()).as("kept only as a hash").isTrue();
        assertThat(created.path("proxy").asBoolean()).isTrue();
        assertThat(created.path("image").asText()).isEqualTo("https://img.example/card.png");
        var link = links.find("targeted").orElseThrow();
        assertThat(link.rules()).extracting(rule -> rule.url())
                .containsExactly("https://apps.example", "https://play.example", "https://de.example");
        assertThat(link.passwordHash()).startsWith("pbkdf2-sha256$");
        assertThat(link.preview()).isEqualTo(new SocialPreview("Our app", null, "https://img.example/card.png"));

        ObjectNode update = withRequest(event("links-api/dub-create-link.json"), "PATCH", "/dub/links/targeted");
        JsonNode refused = api.invoke(withBody(update, "{\"ios\": \"https://other.example\"}"));
        assertThat(refused.path("statusCode").asInt()).isEqualTo(422);
        assertThat(body(refused).path("error").path("message").asText()).contains("ios: can be set when the link is created");
    }

    @Test
    void anUpdateKeepsTheKeyAndReplacesTagsGivenByIdOrName() {
        api.invoke(event("links-api/dub-create-link.json"));
        ObjectNode update = withRequest(event("links-api/dub-create-link.json"), "PATCH", "/dub/links/launch-2026");

        JsonNode updated = body(api.invoke(withBody(update, "{\"tagIds\": \"spring,summer\", \"key\": \"launch-2026\"}")));
        assertThat(updated.path("tags").findValuesAsText("id")).containsExactly("spring", "summer");
        JsonNode renamed = api.invoke(withBody(update, "{\"key\": \"other\"}"));
        assertThat(renamed.path("statusCode").asInt()).isEqualTo(422);
        assertThat(links.find("launch-2026").orElseThrow().tags()).containsExactly("spring", "summer");
    }

    @Test
    void errorsHaveDubsShapeAndCodes() {
        JsonNode missingKey = api.invoke(withoutHeader(event("links-api/dub-create-link.json"), "authorization"));
        assertThat(missingKey.path("statusCode").asInt()).isEqualTo(401);
        assertThat(body(missingKey).path("error").path("code").asText()).isEqualTo("unauthorized");
        api.invoke(event("links-api/dub-create-link.json"));
        JsonNode taken = api.invoke(event("links-api/dub-create-link.json"));
        assertThat(taken.path("statusCode").asInt()).isEqualTo(409);
        assertThat(body(taken).path("error").path("code").asText()).isEqualTo("conflict");
        JsonNode gone = api.invoke(withRequest(event("links-api/dub-create-link.json"), "DELETE", "/dub/links/nothing-here"));
        assertThat(body(gone).path("error").path("code").asText()).isEqualTo("not_found");
    }
}
