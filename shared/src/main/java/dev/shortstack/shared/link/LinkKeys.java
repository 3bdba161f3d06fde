package dev.shortstack.shared.link;

/**
 * The links table's key: the slug alone on the default domain (every link made before there were short
 * domains keeps its key), {@code host/slug} on another domain. Slugs never contain a slash, so the two
 * cannot collide, and a slug is unique per domain.
 */
public final class LinkKeys {
    private LinkKeys() {
    }

    /** @param domain the short domain, null for the default one */
    public static String of(String domain, String slug) {
        return domain == null ? slug : domain + "/" + slug;
    }

    /** The domain part of a key, null for the default domain. */
    public static String domainOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? null : key.substring(0, slash);
    }

    public static String slugOf(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
