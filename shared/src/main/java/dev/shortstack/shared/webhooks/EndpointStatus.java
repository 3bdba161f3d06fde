package dev.shortstack.shared.webhooks;

import java.util.Locale;

/** Whether an endpoint receives deliveries. */
public enum EndpointStatus {
    ACTIVE, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EndpointStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
