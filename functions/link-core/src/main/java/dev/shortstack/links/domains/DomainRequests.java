package dev.shortstack.links.domains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.links.UrlPolicy;
import dev.shortstack.links.request.FieldReader;
import java.util.Optional;
import java.util.Set;

/** Parses {@code PATCH /v1/domains/{host}}: {@code rootUrl}, {@code notFoundUrl} (null: the built-in page), {@code default: true}. */
public final class DomainRequests {
    private static final Set<String> PATCH_FIELDS = Set.of("rootUrl", "notFoundUrl", "default");

    private DomainRequests() {
    }

    public static DomainPatch parsePatch(ObjectNode body) {
        FieldReader fields = new FieldReader(body, PATCH_FIELDS);
        if (body.isEmpty()) {
            fields.reject("(body)", "names no field to change");
        }
        Optional<String> rootUrl = url(fields, "rootUrl");
        Optional<String> notFoundUrl = url(fields, "notFoundUrl");
        Boolean makeDefault = fields.bool("default");
        if (fields.isNull("default")) {
            fields.reject("default", "cannot be null; send true on the domain that should be the default");
        } else if (Boolean.FALSE.equals(makeDefault)) {
            fields.reject("default", "can only be set to true: make another domain the default instead");
        }
        fields.throwIfInvalid();
        return new DomainPatch(rootUrl, notFoundUrl, makeDefault);
    }

    /** Absent: null (unchanged); JSON null: empty (the built-in page); a string: checked as a destination. */
    private static Optional<String> url(FieldReader fields, String field) {
        if (fields.isNull(field)) {
            return Optional.empty();
        }
        String url = fields.string(field);
        if (url == null) {
            return null;
        }
        Optional<String> violation = UrlPolicy.formViolation(url);
        violation.ifPresent(reason -> fields.reject(field, reason));
        return violation.isPresent() ? null : Optional.of(url);
    }
}
