package dev.shortstack.links.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.request.FieldReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Turns {@code POST /v1/keys}' body {@code {name, role}} into a validated request, reporting every invalid field at once. */
public final class KeyRequestParser {
    private KeyRequestParser() {
    }

    /** The longest a key may be made to last; without expiresAt it lasts until revoked. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3 * 365);

    /** A key to issue in the caller's workspace; {@code expiresAt} null: until revoked. */
    public record KeyRequest(String name, Role role, Instant expiresAt) {
        public KeyRequest(String name, Role role) {
            this(name, role, null);
        }
    }

    public static KeyRequest parse(ObjectNode body, Instant now) {
        FieldReader fields = new FieldReader(body, Set.of("name", "role", "expiresAt"));
        Instant expiresAt = fields.dateTime("expiresAt");
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            fields.reject("expiresAt", "must be in the future");
        } else if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            fields.reject("expiresAt", "must be within 3 years (" + now.plus(MAX_LIFETIME) + ")");
        }
        String name = fields.string("name");
        if (name == null && !fields.hasErrorFor("name")) {
            fields.reject("name", "is required");
        } else if (name != null && (name.isBlank() || name.length() > 100)) {
            fields.reject("name", "must be 1 to 100 characters");
        }
        String roleName = fields.string("role");
        Role role = null;
        if (roleName == null && !fields.hasErrorFor("role")) {
            fields.reject("role", "is required: admin, write or read");
        } else if (roleName != null) {
            role = Role.fromWire(roleName).orElse(null);
            if (role == null) {
                fields.reject("role", "must be admin, write or read");
            }
        }
        fields.throwIfInvalid();
        return new KeyRequest(name.trim(), role, expiresAt);
    }
}
