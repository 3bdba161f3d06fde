package dev.shortstack.links.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.body;
import static dev.shortstack.shared.testing.Fixtures.event;
import static dev.shortstack.shared.testing.Fixtures.withBody;
import static dev.shortstack.shared.testing.Fixtures.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.links.SlugGenerator;
import dev.shortstack.links.testing.InMemoryApiKeyStore;
import dev.shortstack.links.testing.InMemoryLinkStore;
import dev.shortstack.links.testing.LinksApiHarness;
import dev.shortstack.shared.link.PasswordHash;
import dev.shortstack.shared.testing.InMemoryVisitCounter;
import dev.shortstack.shared.testing.ManualClock;
import dev.shortstack.shared.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The links API driven by the sample events in events/links-api, over in-memory stores. */
class LinksApiHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
    private InMemoryLinkStore links;
    private InMemoryVisitCounter visits;
    private LinksApiHarness api;

    @BeforeEach
    void setUp() {
        links = new InMemoryLinkStore();
        visits = new InMemoryVisitCounter();
        api = new LinksApiHarness(links, visits, new InMemoryApiKeyStore(), CLOCK);
    }

    @Test
    void createAnswers201WithLocationEtagAndTheShortUrl() {
        JsonNode response = api.invoke(event("links-api/create-link.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        assertThat(response.path("headers").path("location").asText()).isEqualTo("/v1/links/launch-2026");
        assertThat(response.path("headers").path("etag").asText()).isEqualTo("\"1\"");
        JsonNode link = body(response);
        assertThat(link.path("shortUrl").asText()).isEqualTo("https://sho.rt/launch-2026");
        assertThat(link.path("url").asText()).isEqualTo("https://example.com/launch?utm_source=fixture");
        assertThat(link.path("tags")).extracting(JsonNode::asText).containsExactly("campaign", "q4");
        assertThat(link.path("state").asText()).isEqualTo("active");
        assertThat(link.path("createdAt").asText()).isEqualTo("2026-11-28T09:30:00Z");
    }

    @Test
    void createWithoutSlugPicksSevenUnambiguousCharacters() {
        JsonNode link = body(api.invoke(event("links-api/create-link-random-slug.json")));

        assertThat(link.path("slug").asText()).hasSize(SlugGenerator.LENGTH)
                .matches("[" + SlugGenerator.ALPHABET + "]+")
                .doesNotContain("0", "O", "o", "1", "l", "I", "i");
        assertThat(link.path("redirectType").asInt()).isEqualTo(302);
    }

    @Test
    void theSameCustomSlugTwiceIs409() {
        api.invoke(event("links-api/create-link.json"));
        JsonNode second = api.invoke(event("links-api/create-link.json"));

        assertThat(second.path("statusCode").asInt()).isEqualTo(409);
        assertThat(body(second).path("type").asText()).isEqualTo("urn:shortstack:problem:slug-taken");
    }

    @Test
    void getReturnsTheLinkWithItsEtag() {
        api.invoke(event("links-api/create-link.json"));
        JsonNode response = api.invoke(event("links-api/get-link.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("etag").asText()).isEqualTo("\"1\"");
        assertThat(body(response).path("slug").asText()).isEqualTo("launch-2026");
    }

    @Test
    void patchWithTheCurrentEtagAppliesTheEditAndBumpsTheVersion() {
        api.invoke(event("links-api/create-link.json"));
        JsonNode response = api.invoke(event("links-api/patch-link.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode link = body(response);
        assertThat(link.path("url").asText()).isEqualTo("https://example.com/launch-v2");
        assertThat(link.path("disabled").asBoolean()).isTrue();
        assertThat(link.path("state").asText()).isEqualTo("disabled");
        assertThat(link.path("tags")).extracting(JsonNode::asText).containsExactly("campaign", "q4");
        assertThat(response.path("headers").path("etag").asText()).isEqualTo("\"2\"");
    }

    @Test
    void twoEditsFromTheSameReadCannotBothWin() {
        api.invoke(event("links-api/create-link.json"));
        JsonNode first = api.invoke(event("links-api/patch-link.json"));
        JsonNode second = api.invoke(withBody(event("links-api/patch-link.json"), "{\"url\":\"https://example.com/other\"}"));

        assertThat(first.path("statusCode").asInt()).isEqualTo(200);
        assertThat(second.path("statusCode").asInt()).isEqualTo(412);
        assertThat(body(second).path("type").asText()).isEqualTo("urn:shortstack:problem:precondition-failed");
        assertThat(links.find("launch-2026").orElseThrow().url()).isEqualTo("https://example.com/launch-v2");
    }

    @Test
    void patchWithoutIfMatchIs428AndIfMatchStarOverwrites() {
        api.invoke(event("links-api/create-link.json"));
        ObjectNode noIfMatch = event("links-api/patch-link.json");
        ((ObjectNode) noIfMatch.get("headers")).remove("if-match");

        assertThat(api.invoke(noIfMatch).path("statusCode").asInt()).isEqualTo(428);
        assertThat(api.invoke(withHeader(noIfMatch, "if-match", "*")).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void ifMatchMayListSeveralETagsAndAnyCurrentOneLetsTheEditThrough() {
        api.invoke(event("links-api/create-link.json"));

        JsonNode edited = api.invoke(withHeader(event("links-api/patch-link.json"), "if-match", "\"7\", \"1\""));

        assertThat(edited.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(edited).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void patchClearsTagsWithNullAsAMergePatchDoes() {
        api.invoke(withBody(event("links-api/create-link.json"),
                "{\"url\":\"https://example.com\",\"slug\":\"launch-2026\",\"tags\":[\"a\",\"b\"]}"));

        JsonNode link = body(api.invoke(withBody(event("links-api/patch-link.json"), "{\"tags\":null}")));

        assertThat(link.path("tags")).isEmpty();
    }

    @Test
    void aUrlWithSpacesAndAnInternationalDomainIsStoredAsTheRedirectWillSendIt() {
        JsonNode created = body(api.invoke(withBody(event("links-api/create-link.json"),
                "{\"url\":\"  https://bücher.example/annual report.pdf \",\"slug\":\"report-2024\"}")));

        assertThat(created.path("url").asText()).isEqualTo("https://xn--bcher-kva.example/annual%20report.pdf");
        assertThat(links.find("report-2024").orElseThrow().url()).isEqualTo("https://xn--bcher-kva.example/annual%20report.pdf");
    }

    @Test
    void titleDescriptionAndFallbackAreKeptTrimmedAndClearedWithNull() {
        JsonNode created = body(api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.com\",\"slug\":\"launch-2026\","
                + "\"title\":\"  Spring launch \",\"description\":\"For the newsletter\",\"fallbackUrl\":\" https://example.com/over \"}")));
        assertThat(created.path("title").asText()).isEqualTo("Spring launch");
        assertThat(created.path("description").asText()).isEqualTo("For the newsletter");
        assertThat(created.path("fallbackUrl").asText()).isEqualTo("https://example.com/over");

        JsonNode cleared = body(api.invoke(withBody(event("links-api/patch-link.json"),
                "{\"title\":null,\"description\":\"\",\"fallbackUrl\":null}")));

        assertThat(cleared.path("title").isNull()).isTrue();
        assertThat(cleared.path("description").isNull()).as("empty is none").isTrue();
        assertThat(cleared.path("fallbackUrl").isNull()).isTrue();
        assertThat(links.find("launch-2026").orElseThrow().title()).isNull();
    }

    @Test
    void utmFieldsAreComposedIntoTheUrlAndReadBackAnEditSettingOrRemovingThem() {
        JsonNode created = body(api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.com/p?ref=x\","
                + "\"slug\":\"launch-2026\",\"utm\":{\"source\":\"newsletter\",\"campaign\":\"spring\"}}")));
        assertThat(created.path("url").asText()).isEqualTo("https://example.com/p?ref=x&utm_source=newsletter&utm_campaign=spring");
        assertThat(created.path("utm").path("source").asText()).isEqualTo("newsletter");
        assertThat(created.path("utm").path("medium").isNull()).isTrue();

        JsonNode edited = body(api.invoke(withBody(event("links-api/patch-link.json"),
                "{\"utm\":{\"campaign\":null,\"medium\":\"email\"}}")));

        assertThat(edited.path("url").asText()).isEqualTo("https://example.com/p?ref=x&utm_source=newsletter&utm_medium=email");
        assertThat(links.find("launch-2026").orElseThrow().url()).isEqualTo(edited.path("url").asText());
    }

    @Test
    void rulesAreStoredNormalisedAndReadBackAnEditReplacesThemAndNullRemovesThemAndForwardingTheQueryCanBeTurnedOff() {
        JsonNode created = body(api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.com\","
                + "\"slug\":\"launch-2026\",\"rules\":[{\"when\":{\"os\":[\"iOS\"],\"country\":[\"de\",\"AT\"],\"language\":[\"pt_BR\"]},"
                + "\"url\":\" https://apps.apple.com/app/id1 \"},{\"split\":[{\"url\":\"https://a.example\",\"weight\":70},"
                + "{\"url\":\"https://b.example\",\"weight\":30}]}]}")));
        assertThat(created.path("rules").toString()).isEqualTo("[{\"when\":{\"os\":[\"ios\"],\"country\":[\"DE\",\"AT\"],"
                + "\"language\":[\"pt-br\"]},\"url\":\"https://apps.apple.com/app/id1\"},{\"split\":[{\"url\":\"https://a.example\","
                + "\"weight\":70},{\"url\":\"https://b.example\",\"weight\":30}]}]");
        assertThat(links.find("launch-2026").orElseThrow().rules()).hasSize(2);
        assertThat(created.path("forwardQuery").asBoolean()).as("forwarding the query is the default").isTrue();

        JsonNode replaced = body(api.invoke(withBody(event("links-api/patch-link.json"),
                "{\"rules\":[{\"when\":{\"device\":[\"mobile\"]},\"url\":\"https://m.example.com\"}]}")));
        assertThat(replaced.path("rules").toString()).isEqualTo("[{\"when\":{\"device\":[\"mobile\"]},\"url\":\"https://m.example.com\"}]");

        JsonNode removed = body(api.invoke(withHeader(withBody(event("links-api/patch-link.json"), "{\"rules\":null,\"forwardQuery\":false}"),
                "if-match", "\"2\"")));
        assertThat(removed.path("rules").toString()).isEqualTo("[]");
        assertThat(removed.path("forwardQuery").asBoolean()).isFalse();
        assertThat(links.find("launch-2026").orElseThrow().forwardQuery()).isFalse();
        assertThat(links.find("launch-2026").orElseThrow().rules()).isEmpty();
    }

    @Test
    void aPasswordIsKeptOnlyAsASlowHashNeverShownAndRemovedWithNull() {
        String response = api.invoke(withBody(event("links-api/create-link.json"),
                "{\"url\":\"https://example.com\",\"slug\":\"launch-2026\",\"password\":\"open sesame!\"}")).toString();
        JsonNode created = body(api.invoke(event("links-api/get-link.json")));

        assertThat(response).doesNotContain("sesame").doesNotContain("pbkdf2");
        assertThat(created.path("passwordProtected").asBoolean()).isTrue();
        String stored = links.find("launch-2026").orElseThrow().passwordHash();
        assertThat(stored).startsWith("pbkdf2-sha256$600000$");
        assertThat(PasswordHash.matches("open sesame!", stored)).isTrue();

        JsonNode removed = body(api.invoke(withBody(event("links-api/patch-link.json"), "{\"password\":null}")));
        assertThat(removed.path("passwordProtected").asBoolean()).isFalse();
        assertThat(links.find("launch-2026").orElseThrow().passwordHash()).isNull();
    }

    @Test
    void aSocialPreviewIsStoredTrimmedReadBackAndRemovedWithNull() {
        JsonNode created = body(api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.com\","
                + "\"slug\":\"launch-2026\",\"preview\":{\"title\":\" Spring launch \",\"image\":\"https://img.example/card.png\"}}")));
        assertThat(created.path("preview").toString())
                .isEqualTo("{\"title\":\"Spring launch\",\"description\":null,\"image\":\"https://img.example/card.png\"}");

        JsonNode removed = body(api.invoke(withBody(event("links-api/patch-link.json"), "{\"preview\":null}")));
        assertThat(removed.path("preview").isNull()).isTrue();
        assertThat(links.find("launch-2026").orElseThrow().preview()).isNull();
    }

    @Test
    void patchCanClearExpiryAndVisitLimitWithNull() {
        api.invoke(withBody(event("links-api/create-link.json"),
                "{\"url\":\"https://example.com\",\"slug\":\"launch-2026\",\"maxVisits\":5,\"expiresAt\":\"2027-01-01T00:00:00Z\"}"));
        JsonNode link = body(api.invoke(withBody(event("links-api/patch-link.json"), "{\"maxVisits\":null,\"expiresAt\":null}")));

        assertThat(link.path("maxVisits").isNull()).isTrue();
        assertThat(link.path("expiresAt").isNull()).isTrue();
    }

    @Test
    void aLinkWhoseVisitsAreUsedUpReadsAsExhausted() {
        api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.com\",\"slug\":\"launch-2026\",\"maxVisits\":1}"));
        JsonNode fresh = body(api.invoke(event("links-api/get-link.json")));
        visits.tryConsume(links.find("launch-2026").orElseThrow());
        JsonNode used = body(api.invoke(event("links-api/get-link.json")));

        assertThat(fresh.path("state").asText()).isEqualTo("active");
        assertThat(fresh.path("visits").asLong()).isZero();
        assertThat(used.path("state").asText()).isEqualTo("exhausted");
        assertThat(used.path("visits").asLong()).isEqualTo(1);
    }

    @Test
    void aUsedUpLinkIsExhaustedInTheListAndInAnEditsAnswerToo() {
        JsonNode created = body(api.invoke(withBody(event("links-api/create-link.json"),
                "{\"url\":\"https://example.com\",\"slug\":\"launch-2026\",\"maxVisits\":1}")));
        api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.com/open\",\"slug\":\"no-limit\"}"));
        visits.tryConsume(links.find("launch-2026").orElseThrow());

        JsonNode list = body(api.invoke(event("links-api/list-links.json")));
        JsonNode edited = body(api.invoke(withBody(event("links-api/patch-link.json"), "{\"url\":\"https://example.com/v2\"}")));

        assertThat(created.path("visits").asLong(-1)).as("a new link has used none").isZero();
        assertThat(list.path("items")).extracting(item -> item.path("slug").asText() + " " + item.path("state").asText())
                .containsExactlyInAnyOrder("launch-2026 exhausted", "no-limit active");
        assertThat(edited.path("state").asText()).isEqualTo("exhausted");
        assertThat(edited.path("visits").asLong()).isEqualTo(1);
    }

    @Test
    void deleteAnswers204AndTheLinkIsGone() {
        api.invoke(event("links-api/create-link.json"));

        assertThat(api.invoke(event("links-api/delete-link.json")).path("statusCode").asInt()).isEqualTo(204);
        assertThat(api.invoke(event("links-api/get-link.json")).path("statusCode").asInt()).isEqualTo(404);
        assertThat(links.size()).isZero();
    }

    @Test
    void listPagesNewestFirstWithAnOpaqueCursor() {
        for (String slug : new String[] {"first", "second", "third"}) {
            api.invoke(withBody(event("links-api/create-link.json"), "{\"url\":\"https://example.com\",\"slug\":\"" + slug + "\"}"));
        }
        JsonNode page1 = body(api.invoke(event("links-api/list-links.json")));
        assertThat(page1.path("items")).extracting(i -> i.path("slug").asText()).containsExactly("third", "second");

        ObjectNode next = event("links-api/list-links.json");
        ((ObjectNode) next.get("queryStringParameters")).put("cursor", page1.path("nextCursor").asText());
        JsonNode page2 = body(api.invoke(next));
        assertThat(page2.path("items")).extracting(i -> i.path("slug").asText()).containsExactly("first");
        assertThat(page2.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aNewKeyIsShownOnceAndListedWithoutItsSecret() {
        JsonNode created = api.invoke(event("links-api/create-key.json"));
        assertThat(created.path("statusCode").asInt()).isEqualTo(201);
        String key = body(created).path("key").asText();
        assertThat(key).startsWith("ssk_");

        JsonNode listed = api.invoke(event("links-api/list-keys.json"));
        assertThat(listed.path("body").asText()).doesNotContain(key.substring(17));
        assertThat(body(listed).path("items")).extracting(i -> i.path("role").asText()).contains("write", "admin");

        JsonNode withNewKey = api.invoke(LinksApiHarness.as(event("links-api/create-link-random-slug.json"), key));
        assertThat(withNewKey.path("statusCode").asInt()).isEqualTo(201);
    }

    @Test
    void primingBeforeASnapshotIsAnUnauthorisedReadThatWritesNothing() {
        LinksApiFunction function = new LinksApiFunction(api.deps());

        assertThat(function.prime(dev.shortstack.shared.lambda.FixedContext.invocation("links-api")).statusCode()).isEqualTo(401);
        assertThat(links.size()).isZero();
    }

    @Test
    void aReadKeyCanListButNotCreate() {
        String readKey = api.key("fixtures", Role.READ);

        assertThat(api.invoke(LinksApiHarness.as(event("links-api/list-links.json"), readKey)).path("statusCode").asInt()).isEqualTo(200);
        JsonNode create = api.invoke(LinksApiHarness.as(event("links-api/create-link.json"), readKey));
        assertThat(create.path("statusCode").asInt()).isEqualTo(403);
        assertThat(links.size()).isZero();
    }

    @Test
    void aKeyWithAnExpiryWorksUntilThenAndShowsWhenItWasLastUsed() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-28T09:30:00Z"));
        InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        LinksApiHarness timed = new LinksApiHarness(links, visits, keys, clock);
        JsonNode created = timed.invoke(Fixtures.withBody(event("links-api/create-key.json"),
                "{\"name\": \"CI for a day\", \"role\": \"read\", \"expiresAt\": \"2026-11-29T09:30:00Z\"}"));
        assertThat(created.path("statusCode").asInt()).isEqualTo(201);
        assertThat(body(created).path("expiresAt").asText()).isEqualTo("2026-11-29T09:30:00Z");
        assertThat(body(created).path("lastUsedAt").isNull()).isTrue();
        String key = body(created).path("key").asText();

        clock.advance(java.time.Duration.ofHours(2));
        assertThat(timed.invoke(LinksApiHarness.as(event("links-api/list-links.json"), key)).path("statusCode").asInt()).isEqualTo(200);
        JsonNode listed = body(timed.invoke(event("links-api/list-keys.json")));
        JsonNode shown = java.util.stream.StreamSupport.stream(listed.path("items").spliterator(), false)
                .filter(k -> k.path("name").asText().equals("CI for a day")).findFirst().orElseThrow();
        assertThat(shown.path("lastUsedAt").asText()).isEqualTo("2026-11-28T11:30:00Z");

        clock.advance(java.time.Duration.ofHours(22));
        JsonNode expired = timed.invoke(LinksApiHarness.as(event("links-api/list-links.json"), key));
        assertThat(expired.path("statusCode").asInt()).isEqualTo(401);
        assertThat(body(expired).path("detail").asText()).isEqualTo("The API key expired at 2026-11-29T09:30:00Z.");
    }

    @Test
    void theAuditLogNamesWhoDidWhatFromWhereAndNeverASecret() {
        JsonNode created = api.invoke(withHeader(event("links-api/create-key.json"), "x-shortstack-viewer-address", "203.0.113.9"));
        String newKey = body(created).path("key").asText();
        String newKeyId = body(created).path("id").asText();
        JsonNode webhook = body(api.invoke(event("links-api/create-webhook.json")));
        api.invoke(Fixtures.withRequest(event("links-api/create-key.json"), "DELETE", "/v1/keys/" + newKeyId));

        JsonNode audit = api.invoke(Fixtures.withRequest(event("links-api/list-keys.json"), "GET", "/v1/audit"));

        assertThat(audit.path("statusCode").asInt()).isEqualTo(200);
        JsonNode items = body(audit).path("items");
        assertThat(items).extracting(i -> i.path("action").asText()).containsExactly("key.revoked", "webhook.created", "key.created");
        assertThat(items.get(2).path("target").asText()).isEqualTo(newKeyId);
        assertThat(items.get(2).path("keyId").asText()).isEqualTo("fixtureadmin");
        assertThat(items.get(2).path("client").asText()).isEqualTo("203.0.113.9");
        assertThat(items.get(2).path("details").toString()).isEqualTo("{\"name\":\"CI pipeline\",\"role\":\"write\"}");
        assertThat(items.get(1).path("details").path("url").asText()).as("the host, the path only as a hash (it may hold a token)")
                .matches("https://hooks\\.example\\.com/…#[0-9a-f]{12}");
        assertThat(audit.path("body").asText()).doesNotContain(newKey.substring(17)).doesNotContain(webhook.path("secret").asText());
        String readKey = api.key("fixtures", Role.READ);
        assertThat(api.invoke(LinksApiHarness.as(Fixtures.withRequest(event("links-api/list-keys.json"), "GET", "/v1/audit"), readKey))
                .path("statusCode").asInt()).isEqualTo(403);
    }

    @Test
    void theAuditLogAndADeliveryLogArePagedWithTheirCursors() {
        for (int i = 0; i < 3; i++) {
            api.invoke(withBody(event("links-api/create-key.json"), "{\"name\": \"key " + i + "\", \"role\": \"read\"}"));
        }
        ObjectNode firstPage = Fixtures.withQuery(Fixtures.withRequest(event("links-api/list-keys.json"), "GET", "/v1/audit"),
                java.util.Map.of("limit", "2"));
        JsonNode first = body(api.invoke(firstPage));
        JsonNode second = body(api.invoke(Fixtures.withQuery(Fixtures.withRequest(event("links-api/list-keys.json"), "GET", "/v1/audit"),
                java.util.Map.of("limit", "2", "cursor", first.path("nextCursor").asText()))));
        assertThat(first.path("items")).extracting(i -> i.path("details").path("name").asText()).containsExactly("key 2", "key 1");
        assertThat(second.path("items")).extracting(i -> i.path("details").path("name").asText()).containsExactly("key 0");
        assertThat(second.path("nextCursor").isNull()).isTrue();

        String webhookId = body(api.invoke(event("links-api/create-webhook.json"))).path("id").asText();
        var endpoint = api.webhookStore().endpoint("fixtures", webhookId).orElseThrow();
        for (int i = 0; i < 3; i++) {
            ObjectNode data = dev.shortstack.shared.json.Json.mapper().createObjectNode().put("n", i);
            api.webhookStore().createDelivery(dev.shortstack.shared.webhooks.WebhookDelivery.pending(endpoint,
                    dev.shortstack.shared.webhooks.WebhookEvent.of(dev.shortstack.shared.webhooks.WebhookEventType.LINK_CREATED,
                            "fixtures", Instant.parse("2026-11-28T09:00:00Z").plusSeconds(i), data), Instant.parse("2026-11-28T09:30:00Z")));
        }
        String deliveries = "/v1/webhooks/" + webhookId + "/deliveries";
        JsonNode page1 = body(api.invoke(Fixtures.withQuery(Fixtures.withRequest(event("links-api/list-keys.json"), "GET", deliveries),
                java.util.Map.of("limit", "2"))));
        JsonNode page2 = body(api.invoke(Fixtures.withQuery(Fixtures.withRequest(event("links-api/list-keys.json"), "GET", deliveries),
                java.util.Map.of("limit", "2", "cursor", page1.path("nextCursor").asText()))));
        assertThat(page1.path("items")).extracting(d -> d.path("payload").path("data").path("n").asInt()).containsExactly(2, 1);
        assertThat(page2.path("items")).extracting(d -> d.path("payload").path("data").path("n").asInt()).containsExactly(0);
        assertThat(page2.path("nextCursor").isNull()).isTrue();
    }
}
