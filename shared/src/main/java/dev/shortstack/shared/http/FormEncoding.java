package dev.shortstack.shared.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Query strings and form bodies ({@code application/x-www-form-urlencoded}). */
public final class FormEncoding {
    private FormEncoding() {
    }

    /** Percent-decoded as UTF-8, with {@code +} as a space; a malformed escape is kept as given rather than refused. */
    public static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
