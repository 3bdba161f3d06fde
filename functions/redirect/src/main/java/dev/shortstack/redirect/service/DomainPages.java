package dev.shortstack.redirect.service;

import dev.shortstack.redirect.lookup.CachedDomainSettings;
import dev.shortstack.shared.domain.DomainSettings;
import dev.shortstack.shared.domain.ShortDomains;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where visits that find no link go: a domain's root page and its page for unknown slugs, as its owner set them.
 * A domain nobody owns has neither (the built-in not-found page), and costs no read to say so.
 */
public final class DomainPages {
    private final ShortDomains domains;
    private final CachedDomainSettings settings;

    public DomainPages(ShortDomains domains, CachedDomainSettings settings) {
        this.domains = domains;
        this.settings = settings;
    }

    /** Only the default domain, owned by nobody: no pages of its own. */
    public static DomainPages none() {
        return new DomainPages(ShortDomains.NONE, null);
    }

    public ShortDomains domains() {
        return domains;
    }

    /** @param domain the extra domain visited, null for the default one */
    public Optional<String> root(String domain) {
        return page(domain, DomainSettings::rootUrl);
    }

    public Optional<String> notFound(String domain) {
        return page(domain, DomainSettings::notFoundUrl);
    }

    private Optional<String> page(String domain, Function<DomainSettings, String> which) {
        if (settings == null || domains.ownerOf(domain).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(which.apply(settings.of(ShortDomains.settingsKey(domain))));
    }
}
