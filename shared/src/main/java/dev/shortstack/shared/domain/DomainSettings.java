package dev.shortstack.shared.domain;

import java.time.Instant;

/**
 * Where a short domain sends visits that find no link (Shlink's "redirects" of a domain).
 *
 * @param domain      the domain's host, or {@link ShortDomains#DEFAULT_DOMAIN}
 * @param rootUrl     where a visit to the domain's root goes; null: the built-in not-found page
 * @param notFoundUrl where a visit to an unknown slug (or any other path) goes; null: the built-in not-found page
 * @param version     incremented by every change; 0 for a domain never configured
 */
public record DomainSettings(String domain, String rootUrl, String notFoundUrl, long version, Instant updatedAt) {

    /** A domain nobody has configured: every such visit gets the built-in page. */
    public static DomainSettings unset(String domain) {
        return new DomainSettings(domain, null, null, 0, null);
    }
}
