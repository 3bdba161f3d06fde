package dev.shortstack.links.compat.bitly;

import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.shared.link.LinkKeys;
import java.util.Map;

/**
 * A Bitlink as Bitly's clients name it: {@code domain/back-half} or the back-half alone. A domain the stage
 * serves besides its default one names a link on it; any other domain stands for the default one: a link
 * imported from Bitly keeps its back-half as its slug, so the IDs a script stored ({@code bit.ly/3xYz},
 * {@code acme.co/launch}) keep finding it.
 */
public final class BitlinkId {
    private BitlinkId() {
    }

    /** The links table key named by a route's {@code {domain}}/{@code {hash}} (or {@code {hash}} alone) parameters. */
    public static String key(Map<String, String> params, LinkDomains domains) {
        return key(params.get("domain"), params.get("hash"), domains);
    }

    /** The links table key of a Bitlink id ({@code domain/back-half} or the back-half alone). */
    public static String key(String id, LinkDomains domains) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : key(id.substring(0, slash), id.substring(slash + 1), domains);
    }

    private static String key(String domain, String hash, LinkDomains domains) {
        return LinkKeys.of(domain == null ? null : domains.configured().domainOf(domain), hash);
    }

    /** Bitly's ID of a link: the short domain and the slug. */
    public static String of(String domain, String slug) {
        return domain + "/" + slug;
    }
}
