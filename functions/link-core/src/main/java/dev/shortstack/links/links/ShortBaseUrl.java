package dev.shortstack.links.links;

import dev.shortstack.shared.config.ConfigException;
import dev.shortstack.shared.config.EnvNames;
import java.net.URI;

/** The base URL every short link starts with (SHORT_BASE_URL), checked at start-up. */
public final class ShortBaseUrl {
    private ShortBaseUrl() {
    }

    public static String validated(String raw) {
        try {
            URI uri = URI.create(raw);
            if (uri.getHost() == null || !(raw.startsWith("https://") || raw.startsWith("http://"))) {
                throw new IllegalArgumentException();
            }
            return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(EnvNames.SHORT_BASE_URL + " must be an absolute http(s) URL, got '" + raw + "'");
        }
    }
}
