package dev.shortstack.links.jobs;

import java.util.Locale;

public enum JobKind {
    IMPORT, EXPORT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
