package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * 10,000 redirects over HTTP through the local runner — humans and bots, several countries,
 * devices and browsers — and the stats API then reports exactly those counts per dimension.
 */
class AnalyticsEndToEndTest {
    private static final int CLICKS = 10_000;

    /** A visitor profile: its user agent, method, and how the pipeline must classify it. */
    private record Visitor(String agent, String method, boolean bot, String botName, String device, String os, String browser) {
    }

    private static final List<Visitor> VISITORS = List.of(
            new Visitor("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                    "GET", false, null, "mobile", "iOS", "Mobile Safari"),
            new Visitor("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                    "GET", false, null, "desktop", "Windows", "Chrome"),
            new Visitor("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0",
                    "GET", false, null, "desktop", "Mac OS X", "Firefox"),
            new Visitor("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
                    "GET", false, null, "mobile", "Android", "Chrome Mobile"),
            new Visitor("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "GET", true, "Slackbot", null, null, null),
            new Visitor("Twitterbot/1.0", "GET", true, "Twitterbot", null, null, null),
            new Visitor("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "GET", true, "facebookexternalhit", null, null, null),
            new Visitor("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                    "HEAD", true, "HEAD request", null, null, null));
    private static final List<String> COUNTRIES = List.of("DE", "US", "FR", "JP", "");
    private static final List<String> REFERRERS = List.of("https://news.ycombinator.com/item?id=1", "https://www.reddit.com/r/x", "", "https://t.co/abc");
    private static final List<String> LANGUAGES = List.of("de-DE,de;q=0.9", "en-US,en;q=0.8", "fr-FR", "ja");

    @Test
    void tenThousandRedirectsAreCountedExactlyPerDimension() throws Exception {
        LocalDate dayAtStart = LocalDate.now(ZoneOffset.UTC);
        try (LocalRunner runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()))) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            List<String> slugs = List.of("e2e-alpha", "e2e-beta", "e2e-gamma");
            for (String slug : slugs) {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/links"))
                        .header("Authorization", "Bearer " + runner.adminKey()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/" + slug + "\",\"slug\":\"" + slug + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
            }

            Map<String, Expected> expected = new HashMap<>();
            slugs.forEach(s -> expected.put(s, new Expected()));
            Semaphore inFlight = new Semaphore(32);
            long firstRedirect = System.nanoTime();
            List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>(CLICKS);
            for (int i = 0; i < CLICKS; i++) {
                String slug = slugs.get(i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0);
                Visitor visitor = VISITORS.get(i % VISITORS.size());
                String country = COUNTRIES.get(i % COUNTRIES.size());
                String referrer = REFERRERS.get(i % REFERRERS.size());
                String language = LANGUAGES.get(i % LANGUAGES.size());
                String address = "198.51." + (i % 200) + "." + (i % 250) + ":4" + (i % 1000);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/" + slug))
                        .method(visitor.method(), HttpRequest.BodyPublishers.noBody())
                        .header("User-Agent", visitor.agent())
                        .header("Accept-Language", language)
                        .header("CloudFront-Viewer-Address", address);
                if (!country.isEmpty()) {
                    request.header("CloudFront-Viewer-Country", country);
                }
                if (!referrer.isEmpty()) {
                    request.header("Referer", referrer);
                }
                expected.get(slug).add(visitor, country, referrer, language, address);
                inFlight.acquire();
                responses.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> inFlight.release()));
            }
            for (CompletableFuture<HttpResponse<Void>> response : responses) {
                assertThat(response.join().statusCode()).isEqualTo(302);
            }
            long lastRedirect = System.nanoTime();
            boolean oneUtcDay = dayAtStart.equals(LocalDate.now(ZoneOffset.UTC));

            // Exactly: once nothing is queued or in flight, every click is in the archive and nothing more can come.
            QuietQueues.awaitClicks(runner);
            for (String slug : slugs) {
                Expected want = expected.get(slug);
                JsonNode stats = stats(http, runner, slug);
                assertThat(stats.path("totals").path("human").asLong()).as(slug + " humans").isEqualTo(want.human);
                assertThat(stats.path("totals").path("bot").asLong()).as(slug + " bots").isEqualTo(want.bot);
                want.dimensions.forEach((dimension, counts) ->
                        assertThat(breakdown(stats, dimension)).as(slug + " " + dimension).isEqualTo(counts));
                long unique = stats.path("totals").path("unique").asLong();
                if (oneUtcDay) {
                    assertThat(unique).as(slug + " unique visitors, exact").isEqualTo(want.visitors.size());
                } else {
                    // Visitor ids rotate at midnight UTC: a visitor on both sides of it counts once a day.
                    assertThat(unique).as(slug + " unique visitors over two UTC days").isBetween(
                            (long) want.visitors.size(), 2L * want.visitors.size());
                }
            }
            System.out.printf("%d redirects answered in %d ms; drained into the stats %d ms after the last one%n", CLICKS,
                    Duration.ofNanos(lastRedirect - firstRedirect).toMillis(), Duration.ofNanos(System.nanoTime() - lastRedirect).toMillis());
        }
    }

    /** What the test sent to one link, counted the way the pipeline must count it. */
    private static final class Expected {
        long human;
        long bot;
        final Map<String, Map<String, Long>> dimensions = new HashMap<>();
        final java.util.Set<String> visitors = new java.util.HashSet<>();

        void add(Visitor visitor, String country, String referrer, String language, String address) {
            if (visitor.bot()) {
                bot++;
                count("bot", visitor.botName());
                return;
            }
            human++;
            visitors.add(address.substring(0, address.lastIndexOf(':')));
            count("country", country.isEmpty() ? "(unknown)" : country);
            count("referrer", referrer.isEmpty() ? "(direct)" : URI.create(referrer).getHost().replaceFirst("^www\\.", ""));
            count("language", language.substring(0, 2));
            count("device", visitor.device());
            count("os", visitor.os());
            count("browser", visitor.browser());
        }

        private void count(String dimension, String value) {
            dimensions.computeIfAbsent(dimension, d -> new HashMap<>()).merge(value, 1L, Long::sum);
        }
    }

    private static Map<String, Long> breakdown(JsonNode stats, String dimension) {
        Map<String, Long> counts = new HashMap<>();
        stats.path("breakdowns").path(dimension).forEach(v -> counts.put(v.path("value").asText(), v.path("clicks").asLong()));
        return counts;
    }

    private static JsonNode stats(HttpClient http, LocalRunner runner, String slug) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(runner.baseUrl() + "/v1/links/" + slug + "/stats?top=100"))
                .header("Authorization", "Bearer " + runner.adminKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
