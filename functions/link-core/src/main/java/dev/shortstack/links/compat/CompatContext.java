package dev.shortstack.links.compat;

import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.domains.DomainService;
import java.net.URI;
import java.time.Clock;

/**
 * What every compatibility API (Shlink, Bitly, Dub) is built from: the /v1 API's own services,
 * so keys, rules and figures are the same whichever API a client speaks.
 *
 * @param shortBaseUrl where the default domain's short links live, e.g. {@code https://sho.rt} (no trailing slash)
 * @param domains      the workspace's short domains and their pages
 */
public record CompatContext(Authenticator authenticator, LinkService links, LinkRequestParser parser, String shortBaseUrl,
                            DomainService domains, Clock clock) {
    public CompatContext {
        shortBaseUrl = trimmed(shortBaseUrl);
    }

    public String domain() {
        return domainOf(shortBaseUrl);
    }

    /** The base URL without a trailing slash. */
    public static String trimmed(String shortBaseUrl) {
        return shortBaseUrl.endsWith("/") ? shortBaseUrl.substring(0, shortBaseUrl.length() - 1) : shortBaseUrl;
    }

    /** The one domain the deployment serves links on, with its port when it has one ({@code localhost:8080}). */
    public static String domainOf(String shortBaseUrl) {
        URI uri = URI.create(shortBaseUrl);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
