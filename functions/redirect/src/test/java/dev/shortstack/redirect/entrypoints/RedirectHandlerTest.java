package dev.shortstack.redirect.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.event;
import static dev.shortstack.shared.testing.Fixtures.withHeader;
import static dev.shortstack.shared.testing.Fixtures.withBody;
import static dev.shortstack.shared.testing.Fixtures.withQuery;
import static dev.shortstack.shared.testing.Fixtures.withRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.PasswordHash;
import dev.shortstack.shared.link.SocialPreview;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleConditions;
import dev.shortstack.shared.testing.Fixtures;
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

/** The redirect function driven by the sample events in events/redirect. */
class RedirectHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");
    /** Hashed once: each hash takes PBKDF2's full 600,000 iterations. */
    private static final String PASSWORD_HASH = PasswordHash.hash("open sesame!");
    private final Map<String, Link> links = new HashMap<>();
    private RecordingClickPublisher clicks;
    private RedirectDependencies deps;
    private RedirectFunction function;

    @BeforeEach
    void setUp() {
        clicks = new RecordingClickPublisher();
        deps = RedirectDependencies.of(slug -> Optional.ofNullable(links.get(slug)),
                new InMemoryVisitCounter(), new InMemoryPasswordAttempts(), clicks, "test-visitor-hash-key", Duration.ZERO, 100, 3600,
                Clock.fixed(NOW, ZoneOffset.UTC));
        function = new RedirectFunction(deps);
    }

    @Test
    void aBrowserGetsTheRedirectAndTheClickIsQueuedWithoutItsIp() {
        links.put("launch-2026", link(302, null, null, false));

        JsonNode response = invoke(event("redirect/get-slug.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(302);
        assertThat(response.path("headers").path("location").asText()).isEqualTo("https://example.com/launch");
        assertThat(response.path("headers").path("cache-control").asText()).isEqualTo("no-store");
        assertThat(response.path("headers").path("content-type").asText()).startsWith("text/html");
        assertThat(response.path("body").asText()).contains("href=\"https://example.com/launch\"");

        List<ClickEvent> published = clicks.published();
        assertThat(published).hasSize(1);
        ClickEvent click = published.get(0);
        assertThat(click.slug()).isEqualTo("launch-2026");
        assertThat(click.method()).isEqualTo("GET");
        assertThat(click.country()).isEqualTo("DE");
        assertThat(click.referrer()).isEqualTo("https://news.example.net/article");
        assertThat(click.acceptLanguage()).startsWith("de-DE");
        assertThat(click.userAgent()).contains("Safari");
        assertThat(click.occurredAt()).isEqualTo(NOW.toString());
        assertThat(click.clickId()).hasSize(36);
        assertThat(click.visitorHash()).hasSize(32).doesNotContain("198.51.100.23");
        assertThat(click.toString()).doesNotContain("198.51.100.23").doesNotContain("203.0.113.7");
    }

    @Test
    void headAnswersTheRedirectWithoutABodyAndDoesNotUseUpVisits() {
        links.put("launch-2026", link(301, null, 1L, false));

        JsonNode head = invoke(event("redirect/head-slug.json"));
        JsonNode get = invoke(event("redirect/get-slug.json"));

        assertThat(head.path("statusCode").asInt()).isEqualTo(301);
        assertThat(head.path("body").isNull()).isTrue();
        assertThat(get.path("statusCode").asInt()).isEqualTo(301);
        assertThat(clicks.published()).extracting(ClickEvent::method).containsExactly("HEAD", "GET");
    }

    @Test
    void aRequestMadeAroundTheCdnIsRefusedSoItsForgedViewerHeadersCountNothing() {
        links.put("launch-2026", link(302, null, null, false));
        RedirectFunction behindCloudFront = new RedirectFunction(deps, OriginVerifier.of("origin-secret"));
        ObjectNode forged = Fixtures.withHeader(Fixtures.withHeader(event("redirect/get-slug.json"),
                "cloudfront-viewer-country", "KP"), "cloudfront-viewer-address", "192.0.2.1:443");

        JsonNode around = LambdaInvoker.invoke(behindCloudFront, "redirect", forged);
        JsonNode through = LambdaInvoker.invoke(behindCloudFront, "redirect",
                Fixtures.withHeader(event("redirect/get-slug.json"), OriginVerifier.HEADER, "origin-secret"));

        assertThat(around.path("statusCode").asInt()).isEqualTo(403);
        assertThat(Fixtures.body(around).path("type").asText()).isEqualTo("urn:shortstack:problem:not-from-cdn");
        assertThat(through.path("statusCode").asInt()).isEqualTo(302);
        assertThat(clicks.published()).as("only the request through the CDN is counted").hasSize(1);
        assertThat(clicks.published().get(0).country()).isNotEqualTo("KP");
    }

    @Test
    void aViewerCountryThatIsNoIsoCodeIsNotRecorded() {
        links.put("launch-2026", link(302, null, null, false));

        invoke(Fixtures.withHeader(event("redirect/get-slug.json"), "cloudfront-viewer-country", "ZZ"));
        invoke(Fixtures.withHeader(event("redirect/get-slug.json"), "cloudfront-viewer-country", "fr"));

        assertThat(clicks.published()).extracting(ClickEvent::country).containsExactly(null, "FR");
    }

    @Test
    void headOnAUsedUpLinkAnswersAsGetDoesWithoutUsingAVisit() {
        links.put("launch-2026", link(302, null, 1L, false));

        JsonNode headBefore = invoke(event("redirect/head-slug.json"));
        JsonNode get = invoke(event("redirect/get-slug.json"));
        JsonNode headAfter = invoke(event("redirect/head-slug.json"));
        JsonNode getAfter = invoke(event("redirect/get-slug.json"));

        assertThat(List.of(headBefore, get, headAfter, getAfter)).extracting(r -> r.path("statusCode").asInt())
                .containsExactly(302, 302, 410, 410);
        assertThat(headAfter.path("body").isNull()).as("HEAD never has a body").isTrue();
        assertThat(clicks.published()).extracting(ClickEvent::method).containsExactly("HEAD", "GET");
    }

    @Test
    void permanentRedirectsAreCacheableButNeverPastExpiry() {
        links.put("launch-2026", link(308, NOW.plusSeconds(120), null, false));

        JsonNode response = invoke(event("redirect/get-slug.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(308);
        assertThat(response.path("headers").path("cache-control").asText()).isEqualTo("public, max-age=120");
    }

    @Test
    void visitsBeyondMaxVisitsAreGone() {
        links.put("launch-2026", link(302, null, 2L, false));

        List<Integer> statuses = List.of(1, 2, 3).stream()
                .map(i -> invoke(event("redirect/get-slug.json")).path("statusCode").asInt()).toList();

        assertThat(statuses).containsExactly(302, 302, 410);
        assertThat(clicks.published()).hasSize(2);
    }

    @Test
    void expiredAndDisabledLinksAre410AndUnknownSlugsAre404() {
        links.put("expired", link(302, NOW.minusSeconds(1), null, false));
        links.put("disabled", link(302, null, null, true));

        assertThat(status("expired")).isEqualTo(410);
        assertThat(status("disabled")).isEqualTo(410);
        assertThat(status("nope")).isEqualTo(404);
        assertThat(status("..%2f..%2fetc")).isEqualTo(404);
        assertThat(clicks.published()).isEmpty();
    }

    @Test
    void aGoneLinkWithAFallbackSendsItsVisitorsThereCachedAsBrieflyAsA410AndCountsNoClick() {
        links.put("expired", withFallback(link(302, NOW.minusSeconds(1), null, false)));
        links.put("disabled", withFallback(link(308, null, null, true)));
        links.put("launch-2026", withFallback(link(302, null, 1L, false)));

        JsonNode expired = invoke(path(event("redirect/get-slug.json"), "expired"));
        JsonNode disabled = invoke(path(event("redirect/get-slug.json"), "disabled"));
        List<JsonNode> limited = List.of(invoke(event("redirect/get-slug.json")), invoke(event("redirect/get-slug.json")));

        for (JsonNode fallback : List.of(expired, disabled, limited.get(1))) {
            assertThat(fallback.path("statusCode").asInt()).as("temporary, whatever the link's own type").isEqualTo(302);
            assertThat(fallback.path("headers").path("location").asText()).isEqualTo("https://example.com/sold-out");
            assertThat(fallback.path("headers").path("cache-control").asText()).isEqualTo(CachePolicy.MISS);
        }
        assertThat(expired.path("headers").path("x-shortstack-fallback").asText()).isEqualTo("expired");
        assertThat(limited.get(1).path("headers").path("x-shortstack-fallback").asText()).isEqualTo("visit limit reached");
        assertThat(limited.get(0).path("headers").path("location").asText()).as("the visit within the limit").isEqualTo("https://example.com/launch");
        assertThat(clicks.published()).as("only the visit that followed the link itself").hasSize(1);
    }

    @Test
    void jsonClientsGetJsonAndProblemDetails() {
        links.put("launch-2026", link(302, null, null, false));
        ObjectNode json = withHeader(event("redirect/get-slug.json"), "accept", "application/json");

        JsonNode ok = invoke(json);
        assertThat(ok.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(Fixtures.body(ok).path("location").asText()).isEqualTo("https://example.com/launch");

        JsonNode missing = invoke(path(json, "nothing-here"));
        assertThat(missing.path("statusCode").asInt()).isEqualTo(404);
        assertThat(missing.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(Fixtures.body(missing).path("type").asText()).isEqualTo("urn:shortstack:problem:not-found");
    }

    @Test
    void whenTheQueueIsDownTheVisitorStillGetsTheRedirect() {
        links.put("launch-2026", link(302, null, null, false));
        clicks.failFromNowOn();

        JsonNode response = invoke(event("redirect/get-slug.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(302);
        assertThat(response.path("headers").path("location").asText()).isEqualTo("https://example.com/launch");
    }

    @Test
    void primingBeforeASnapshotTakesTheUsualPathButCountsNoClick() {
        assertThat(function.prime(dev.shortstack.shared.lambda.FixedContext.invocation("redirect")).statusCode()).isEqualTo(404);
        assertThat(clicks.published()).isEmpty();
    }

    @Test
    void targetingRulesPickTheUrlFromTheVisitsQueryAndAgentAndThePermanentRedirectIsNotCached() {
        List<RedirectRule> rules = List.of(
                RedirectRule.to(new RuleConditions(null, null, null, List.of("DE"), null, null, null, null), "https://example.com/de"),
                RedirectRule.to(new RuleConditions(null, List.of("ios"), null, null, null, Map.of("ref", "newsletter"), null, null),
                        "https://apps.apple.com/app/id1"));
        links.put("launch-2026", link(301, null, null, false).withRules(rules));

        JsonNode iphone = invoke(event("redirect/get-slug-iphone-with-query.json"));
        JsonNode germanDesktop = invoke(event("redirect/get-slug.json"));
        JsonNode iphoneWithoutQuery = invoke(withQuery(event("redirect/get-slug-iphone-with-query.json"), Map.of()));

        assertThat(iphone.path("statusCode").asInt()).isEqualTo(301);
        assertThat(iphone.path("headers").path("location").asText()).as("the visit's query forwarded, as links do by default")
                .isEqualTo("https://apps.apple.com/app/id1?ref=newsletter&utm_source=ignored");
        assertThat(iphone.path("headers").path("cache-control").asText())
                .as("one visitor's URL must not be served to the next from a cache").isEqualTo("no-store");
        assertThat(germanDesktop.path("headers").path("location").asText()).isEqualTo("https://example.com/de");
        assertThat(iphoneWithoutQuery.path("headers").path("location").asText()).isEqualTo("https://example.com/launch");
        assertThat(clicks.published()).extracting(ClickEvent::rule).containsExactly("rule 2", "rule 1", null);
    }

    @Test
    void aLinkThatDoesNotForwardTheQuerySendsEveryVisitToItsUrlAsStored() {
        Link plain = link(302, null, null, false);
        links.put("launch-2026", new Link(plain.slug(), plain.linkId(), plain.workspaceId(), "https://example.com/launch?ref=link", 302,
                plain.createdAt(), plain.updatedAt(), null, null, List.of(), false, 1, "key").withForwardQuery(false));
        links.put("forwards", new Link("forwards", "link-id-2", "ws", "https://example.com/launch?ref=link", 302, plain.createdAt(),
                plain.updatedAt(), null, null, List.of(), false, 1, "key"));

        JsonNode asStored = invoke(event("redirect/get-slug-iphone-with-query.json"));
        JsonNode forwarded = invoke(path(event("redirect/get-slug-iphone-with-query.json"), "forwards"));

        assertThat(asStored.path("headers").path("location").asText()).isEqualTo("https://example.com/launch?ref=link");
        assertThat(forwarded.path("headers").path("location").asText()).as("the visit's ref replaces the link's")
                .isEqualTo("https://example.com/launch?ref=newsletter&utm_source=ignored");
    }

    @Test
    void aProtectedLinkShowsItsFormCountsNothingUntilThePasswordIsRightAndThenRedirectsWithTheQuery() {
        links.put("launch-2026", protectedLink());

        JsonNode form = invoke(withQuery(event("redirect/get-slug.json"), Map.of("ref", "newsletter")));
        JsonNode problem = invoke(withHeader(event("redirect/get-slug.json"), "accept", "application/json"));
        JsonNode wrong = invoke(withBody(event("redirect/post-unlock.json"), "password=guess"));
        JsonNode right = invoke(event("redirect/post-unlock.json"));

        assertThat(form.path("statusCode").asInt()).isEqualTo(200);
        assertThat(form.path("headers").path("cache-control").asText()).isEqualTo("no-store");
        assertThat(form.path("body").asText()).contains("<form method=\"post\" action=\"/unlock/launch-2026?ref=newsletter\">")
                .contains("type=\"password\"").doesNotContain("<script");
        assertThat(problem.path("statusCode").asInt()).isEqualTo(401);
        assertThat(Fixtures.body(problem).path("type").asText()).isEqualTo("urn:shortstack:problem:password-required");
        assertThat(wrong.path("statusCode").asInt()).isEqualTo(401);
        assertThat(wrong.path("body").asText()).contains("That password is not right. 4 attempts are left");
        assertThat(right.path("statusCode").asInt()).as("See Other: the browser follows with a GET").isEqualTo(303);
        assertThat(right.path("headers").path("location").asText()).isEqualTo("https://example.com/launch?ref=newsletter");
        assertThat(right.path("headers").path("cache-control").asText()).isEqualTo("no-store");
        assertThat(clicks.published()).as("only the visit that passed").hasSize(1);
        assertThat(clicks.published().get(0).method()).isEqualTo("GET");
    }

    @Test
    void fiveWrongPasswordsLockOneVisitorOutForTheWindowButNotAnother() {
        links.put("launch-2026", protectedLink());
        for (int i = 0; i < 5; i++) {
            assertThat(invoke(withBody(event("redirect/post-unlock.json"), "password=guess" + i)).path("statusCode").asInt()).isEqualTo(401);
        }

        JsonNode locked = invoke(event("redirect/post-unlock.json"));
        JsonNode otherVisitor = invoke(withHeader(event("redirect/post-unlock.json"), "cloudfront-viewer-address", "192.0.2.44:4431"));

        assertThat(locked.path("statusCode").asInt()).as("even the right password, once five were wrong").isEqualTo(429);
        long window = 15 * 60;
        assertThat(locked.path("headers").path("retry-after").asLong())
                .isEqualTo(window - NOW.getEpochSecond() % window);
        assertThat(otherVisitor.path("statusCode").asInt()).isEqualTo(303);
        assertThat(clicks.published()).hasSize(1);
    }

    @Test
    void unlockRefusesWhatIsNotAFormAndSendsALinkWithoutPasswordBackToItself() {
        links.put("launch-2026", protectedLink());
        links.put("open", link(302, null, null, false));

        JsonNode json = invoke(withHeader(event("redirect/post-unlock.json"), "content-type", "application/json"));
        JsonNode empty = invoke(withBody(event("redirect/post-unlock.json"), "password="));
        ObjectNode toOpen = withRequest(event("redirect/post-unlock.json"), "POST", "/unlock/open");
        ((ObjectNode) toOpen.get("pathParameters")).put("slug", "open");
        JsonNode unprotected = invoke(toOpen);

        assertThat(json.path("statusCode").asInt()).isEqualTo(415);
        assertThat(empty.path("statusCode").asInt()).isEqualTo(400);
        assertThat(empty.path("body").asText()).contains("Enter the password.");
        assertThat(unprotected.path("statusCode").asInt()).isEqualTo(303);
        assertThat(unprotected.path("headers").path("location").asText()).isEqualTo("/open?ref=newsletter");
        assertThat(clicks.published()).isEmpty();
    }

    @Test
    void aLinkPreviewBotGetsTheLinksOwnCardWhilePeopleAreRedirectedAndBothAreClicks() {
        links.put("launch-2026", link(301, null, null, false)
                .withPreview(new SocialPreview("Spring <launch>", "All the news", "https://img.example/card.png")));

        JsonNode slack = invoke(withHeader(event("redirect/get-slug.json"), "user-agent",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"));
        JsonNode person = invoke(event("redirect/get-slug.json"));

        assertThat(slack.path("statusCode").asInt()).isEqualTo(200);
        assertThat(slack.path("headers").path("cache-control").asText()).as("the answer depends on the agent").isEqualTo("no-store");
        assertThat(slack.path("body").asText())
                .contains("<meta property=\"og:title\" content=\"Spring &lt;launch&gt;\">")
                .contains("<meta property=\"og:description\" content=\"All the news\">")
                .contains("<meta property=\"og:image\" content=\"https://img.example/card.png\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                .contains("<meta property=\"og:url\" content=\"https://example.com/launch\">");
        assertThat(person.path("statusCode").asInt()).isEqualTo(301);
        assertThat(person.path("headers").path("cache-control").asText()).as("not cached: a bot behind the same cache key would get it")
                .isEqualTo("no-store");
        assertThat(clicks.published()).extracting(ClickEvent::userAgent).hasSize(2).first().asString().startsWith("Slackbot");
    }

    private static Link protectedLink() {
        return link(302, null, null, false).withPasswordHash(PASSWORD_HASH);
    }

    private static Link withFallback(Link link) {
        return new Link(link.slug(), link.linkId(), link.workspaceId(), link.url(), link.redirectType(), link.createdAt(), link.updatedAt(),
                link.expiresAt(), link.maxVisits(), link.tags(), link.disabled(), link.version(), link.createdBy(), null, null,
                "https://example.com/sold-out");
    }

    private int status(String slug) {
        return invoke(path(event("redirect/get-slug.json"), slug)).path("statusCode").asInt();
    }

    private JsonNode invoke(ObjectNode event) {
        return LambdaInvoker.invoke(function, "redirect", event);
    }

    private static ObjectNode path(ObjectNode event, String slug) {
        ObjectNode copy = event.deepCopy();
        copy.put("rawPath", "/" + slug);
        ((ObjectNode) copy.get("pathParameters")).put("slug", slug);
        return copy;
    }

    private static Link link(int type, Instant expiresAt, Long maxVisits, boolean disabled) {
        return new Link("launch-2026", "link-id-1", "ws", "https://example.com/launch", type, NOW.minusSeconds(60),
                NOW.minusSeconds(60), expiresAt, maxVisits, List.of(), disabled, 1, "key");
    }
}
