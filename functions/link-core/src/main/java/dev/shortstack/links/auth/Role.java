package dev.shortstack.links.auth;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do. Each role includes the ones below it. */
public enum Role {
    READ, WRITE, ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
