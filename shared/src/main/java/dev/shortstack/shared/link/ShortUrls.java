package dev.shortstack.shared.link;

import java.net.URI;

/** A link's short URL: the default domain's base URL, with the link's own domain in place of its host when it has one. */
public final class ShortUrls {
    private ShortUrls() {
    }

    /**
     * @param shortBaseUrl the default domain's base, e.g. {@code https://sho.rt} (its scheme and port are kept for other
     *                     domains: the local runner answers every domain on one port)
     */
    public static String of(String shortBaseUrl, Link link) {
        return base(shortBaseUrl, link.domain()) + "/" + link.slug();
    }

    /** The base URL of a domain (null: the default one), without a trailing slash. */
    public static String base(String shortBaseUrl, String domain) {
        String base = shortBaseUrl.endsWith("/") ? shortBaseUrl.substring(0, shortBaseUrl.length() - 1) : shortBaseUrl;
        if (domain == null) {
            return base;
        }
        URI uri = URI.create(base);
        return uri.getScheme() + "://" + domain + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
