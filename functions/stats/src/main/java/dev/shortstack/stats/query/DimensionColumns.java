package dev.shortstack.stats.query;

import dev.shortstack.shared.stats.Dimension;

/** The engine column of each breakdown. Humans have no bot name and bots no other dimension, so each counts only its own. */
public final class DimensionColumns {
    private DimensionColumns() {
    }

    public static String column(Dimension dimension) {
        return switch (dimension) {
            case COUNTRY -> "country";
            case REFERRER -> "referrer_host";
            case DEVICE -> "device";
            case OS -> "os";
            case BROWSER -> "browser";
            case LANGUAGE -> "language";
            case RULE -> "rule";
            case BOT -> "bot_name";
        };
    }
}
