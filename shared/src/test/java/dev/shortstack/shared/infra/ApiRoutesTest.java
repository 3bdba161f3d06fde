package dev.shortstack.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route API Gateway picks (and the local runner with it): the most specific. */
class ApiRoutesTest {
    @Test
    void figureReadsGoToTheStatsApiAndEverythingElseUnderAPrefixToTheLinksApi() {
        assertThat(key("GET", "/v1/links/abc/stats")).isEqualTo("GET /v1/links/{slug}/stats");
        assertThat(key("GET", "/v1/links/abc")).isEqualTo("ANY /v1/{proxy+}");
        assertThat(key("POST", "/v1/stats/compactions")).isEqualTo("ANY /v1/stats/{proxy+}");
        assertThat(key("GET", "/rest/v3/short-urls")).isEqualTo("GET /rest/v3/short-urls");
        assertThat(key("POST", "/rest/v3/short-urls")).isEqualTo("ANY /rest/{proxy+}");
        assertThat(key("GET", "/rest/v3/short-urls/abc/visits")).isEqualTo("GET /rest/v3/short-urls/{shortCode}/visits");
        assertThat(key("PATCH", "/rest/v3/short-urls/abc")).isEqualTo("ANY /rest/{proxy+}");
        assertThat(key("GET", "/rest/v3/tags/stats")).isEqualTo("GET /rest/v3/tags/stats");
        assertThat(key("GET", "/rest/v3/tags")).isEqualTo("ANY /rest/{proxy+}");
        assertThat(ApiRoutes.match("GET", "/rest/v3/short-urls/abc").orElseThrow().route().target()).isEqualTo(ApiRoutes.Target.STATS_API);
        assertThat(key("GET", "/v4/bitlinks/bit.ly/abc/clicks")).isEqualTo("GET /v4/bitlinks/{domain}/{hash}/clicks");
        assertThat(key("GET", "/v4/bitlinks/bit.ly/abc/clicks/summary")).isEqualTo("GET /v4/bitlinks/{domain}/{hash}/clicks/summary");
        assertThat(key("GET", "/v4/bitlinks/my-launch/clicks/summary")).isEqualTo("GET /v4/bitlinks/{hash}/clicks/summary");
        assertThat(key("GET", "/v4/bitlinks/my-launch/countries")).isEqualTo("GET /v4/bitlinks/{hash}/countries");
        assertThat(key("GET", "/v4/bitlinks/bit.ly/abc")).isEqualTo("ANY /v4/{proxy+}");
        assertThat(key("PATCH", "/v4/bitlinks/bit.ly/abc/clicks")).isEqualTo("ANY /v4/{proxy+}");
    }

    @Test
    void pathParametersAreDecodedAndAGreedyVariableTakesTheRestOfThePath() {
        assertThat(ApiRoutes.match("GET", "/v1/links/caf%C3%A9/stats").orElseThrow().pathParameters()).isEqualTo(Map.of("slug", "café"));
        assertThat(ApiRoutes.match("DELETE", "/v1/keys/k%2B1").orElseThrow().pathParameters()).isEqualTo(Map.of("proxy", "keys/k+1"));
    }

    @Test
    void aPrefixAloneOrAnEmptySegmentMatchesNothingAndOtherPathsAreNotTheApis() {
        assertThat(ApiRoutes.match("GET", "/v1")).isEmpty();
        assertThat(ApiRoutes.match("GET", "/v1/")).isEmpty();
        assertThat(ApiRoutes.match("GET", "/v1/links//stats").orElseThrow().routeKey()).isEqualTo("ANY /v1/{proxy+}");
        assertThat(ApiRoutes.isApiPath("/v1")).isTrue();
        assertThat(ApiRoutes.isApiPath("/v1x")).isFalse();
        assertThat(ApiRoutes.isApiPath("/restaurant")).isFalse();
        assertThat(ApiRoutes.prefixes()).containsExactly("/v1", "/rest", "/v4", "/dub", "/unlock");
        assertThat(ApiRoutes.match("POST", "/unlock/launch-2026")).hasValueSatisfying(match -> {
            assertThat(match.route().target()).as("a password form's post").isEqualTo(ApiRoutes.Target.REDIRECT);
            assertThat(match.pathParameters()).containsEntry("slug", "launch-2026");
        });
        assertThat(ApiRoutes.match("GET", "/unlock/launch-2026")).isEmpty();
    }

    private static String key(String method, String path) {
        return ApiRoutes.match(method, path).orElseThrow().routeKey();
    }
}
