package dev.shortstack.redirect.entrypoints;

import dev.shortstack.shared.http.FormEncoding;
import java.util.HashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body's fields: the first of a repeated one; a malformed escape is kept as sent. */
final class FormFields {
    private FormFields() {
    }

    static Map<String, String> of(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null) {
            return fields;
        }
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (!parts[0].isEmpty()) {
                fields.putIfAbsent(FormEncoding.decode(parts[0]), parts.length > 1 ? FormEncoding.decode(parts[1]) : "");
            }
        }
        return fields;
    }
}
