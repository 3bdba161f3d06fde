package dev.shortstack.redirect.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.link.Link;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachePolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final CachePolicy policy = new CachePolicy(3600);

    @ParameterizedTest(name = "{0} expiresIn={1}s maxVisits={2} -> {3}")
    @CsvSource(nullValues = "none", value = {
            "302, none, none, no-store",
            "307, none, none, no-store",
            "301, none, none, 'public, max-age=3600'",
            "308, none, none, 'public, max-age=3600'",
            "301, 90, none, 'public, max-age=90'",
            "301, 7200, none, 'public, max-age=3600'",
            "301, none, 10, no-store",
            "308, 0, none, no-store"})
    void cacheControlFollowsTheRedirectType(int type, Long expiresInSeconds, Long maxVisits, String expected) {
        Link link = new Link("s", "id", "ws", "https://example.com", type, NOW, NOW,
                expiresInSeconds == null ? null : NOW.plusSeconds(expiresInSeconds), maxVisits, List.of(), false, 1, "k");

        assertThat(policy.forRedirect(link, NOW)).isEqualTo(expected);
    }
}
