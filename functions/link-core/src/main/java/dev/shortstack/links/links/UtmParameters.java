package dev.shortstack.links.links;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A link's UTM parameters live in its URL, where the visitor's browser carries them to the
 * destination: composed into it when set as fields, and read back from it for display.
 */
public final class UtmParameters {
    /** The field names of the API's {@code utm} object, in the order URLs conventionally list them. */
    public static final List<String> FIELDS = List.of("source", "medium", "campaign", "term", "content");
    public static final int MAX_VALUE = 200;

    private UtmParameters() {
    }

    /**
     * The URL with each named parameter set to its value, or removed when the value is empty;
     * replacing one already there, keeping every other query parameter and the fragment.
     *
     * @param changes field name ("source") → new value, or empty to remove
     */
    public static String compose(String url, Map<String, Optional<String>> changes) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String base = hash < 0 ? url : url.substring(0, hash);
        int question = base.indexOf('?');
        List<String> kept = new ArrayList<>();
        if (question >= 0) {
            for (String pair : base.substring(question + 1).split("&")) {
                String name = pair.split("=", 2)[0];
                if (!pair.isEmpty() && !(name.startsWith("utm_") && changes.containsKey(name.substring(4)))) {
                    kept.add(pair);
                }
            }
            base = base.substring(0, question);
        }
        FIELDS.stream().filter(changes::containsKey).forEach(field -> changes.get(field)
                .ifPresent(value -> kept.add("utm_" + field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return base + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + fragment;
    }

    /** The URL's UTM parameters by field name (absent ones left out), decoded. */
    public static Map<String, String> read(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].startsWith("utm_") && FIELDS.contains(parts[0].substring(4))) {
                values.putIfAbsent(parts[0].substring(4), parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }
}
