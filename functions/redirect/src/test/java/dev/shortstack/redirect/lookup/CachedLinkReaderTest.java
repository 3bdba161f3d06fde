package dev.shortstack.redirect.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortstack.shared.link.Link;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedLinkReaderTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final Map<String, Link> table = new ConcurrentHashMap<>();
    private final CachedLinkReader reader = new CachedLinkReader(slug -> {
        reads.computeIfAbsent(slug, s -> new AtomicInteger()).incrementAndGet();
        return Optional.ofNullable(table.get(slug));
    }, 1000, Duration.ofSeconds(30), Duration.ofSeconds(5), ticker);

    @Test
    void aFloodOfUnknownSlugsReadsTheTableOncePerSlugUntilTheNegativeEntryExpires() {
        for (int i = 0; i < 1000; i++) {
            assertThat(reader.find("unknown")).isEmpty();
        }
        assertThat(reads.get("unknown")).hasValue(1);

        table.put("unknown", link("unknown"));
        advance(Duration.ofSeconds(4));
        assertThat(reader.find("unknown")).as("still negatively cached").isEmpty();
        advance(Duration.ofSeconds(2));
        assertThat(reader.find("unknown")).as("a created link shows up after the negative TTL").isPresent();
        assertThat(reads.get("unknown")).hasValue(2);
    }

    @Test
    void knownLinksAreServedFromCacheForThePositiveTtl() {
        table.put("hot", link("hot"));
        for (int i = 0; i < 500; i++) {
            assertThat(reader.find("hot")).isPresent();
        }
        advance(Duration.ofSeconds(29));
        reader.find("hot");
        assertThat(reads.get("hot")).hasValue(1);

        advance(Duration.ofSeconds(2));
        reader.find("hot");
        assertThat(reads.get("hot")).hasValue(2);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Link link(String slug) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Link(slug, "id-" + slug, "ws", "https://example.com", 302, t, t, null, null, List.of(), false, 1, "k");
    }
}
