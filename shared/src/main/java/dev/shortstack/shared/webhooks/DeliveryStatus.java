package dev.shortstack.shared.webhooks;

import java.util.Locale;

/**
 * Where a delivery stands: {@code pending} until an attempt succeeds ({@code succeeded}) or the
 * last retry fails ({@code failed}); {@code skipped} when its endpoint was disabled or removed first.
 */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED, SKIPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
