package dev.shortstack.redirect.lookup;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortstack.shared.domain.DomainSettings;
import dev.shortstack.shared.domain.DomainStore;
import java.time.Duration;

/**
 * Domains' root and not-found pages, per instance for a short while: only visits that find no link read them, and a
 * flood of those (scanners) costs one read per domain per instance per TTL.
 */
public final class CachedDomainSettings {
    private final LoadingCache<String, DomainSettings> cache;

    public CachedDomainSettings(DomainStore store, Duration ttl, Ticker ticker) {
        this.cache = Caffeine.newBuilder().maximumSize(1_000).ticker(ticker).expireAfterWrite(ttl).build(store::settings);
    }

    public DomainSettings of(String domain) {
        return cache.get(domain);
    }
}
