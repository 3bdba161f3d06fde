package dev.shortstack.redirect.lookup;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkReader;
import java.time.Duration;
import java.util.Optional;

/**
 * A bounded, per-instance cache in front of the links table. Unknown slugs are cached too (for a
 * shorter time), so a flood of random slugs costs one read per slug per instance, not one per
 * request. Concurrent misses on one slug share a single load.
 */
public final class CachedLinkReader implements LinkReader {
    private final LoadingCache<String, Optional<Link>> cache;

    public CachedLinkReader(LinkReader source, int maxEntries, Duration positiveTtl, Duration negativeTtl, Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Optional<Link>>creating((slug, link) ->
                        link.isPresent() ? positiveTtl : negativeTtl))
                .build(source::find);
    }

    @Override
    public Optional<Link> find(String slug) {
        return cache.get(slug);
    }
}
