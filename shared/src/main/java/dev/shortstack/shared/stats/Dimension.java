package dev.shortstack.shared.stats;

import java.util.Locale;
import java.util.Optional;

/**
 * What clicks are broken down by. Human clicks only, except {@link #BOT}, which names the bots. {@link #RULE}: the
 * targeting rule that served each click.
 */
public enum Dimension {
    COUNTRY, REFERRER, DEVICE, OS, BROWSER, LANGUAGE, RULE, BOT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> fromWire(String name) {
        for (Dimension d : values()) {
            if (d.wireName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
