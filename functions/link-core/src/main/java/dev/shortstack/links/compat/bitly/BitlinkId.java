package dev.shortstack.links.compat.bitly;

import java.util.Map;

/**
 * A Bitlink as Bitly's clients name it: {@code domain/back-half} or the back-half alone. The domain
 * is not checked: a link imported from Bitly keeps its back-half as its slug, so the IDs a script
 * stored ({@code bit.ly/3xYz}, {@code acme.co/launch}) keep finding it.
 */
public final class BitlinkId {
    private BitlinkId() {
    }

    /** The slug named by a route's {@code {domain}}/{@code {hash}} (or {@code {hash}} alone) parameters. */
    public static String slug(Map<String, String> params) {
        return params.get("hash");
    }

    /** Bitly's ID of a link: the short domain and the slug. */
    public static String of(String domain, String slug) {
        return domain + "/" + slug;
    }
}
