package dev.shortstack.stats.query;

import dev.shortstack.shared.stats.Dimension;

/** The engine column each breakdown counts, and whose clicks it counts (bots only under their name). */
final class DimensionColumns {
    private DimensionColumns() {
    }

    static String column(Dimension dimension) {
        return switch (dimension) {
            case COUNTRY -> "country";
            case REFERRER -> "referrer_host";
            case DEVICE -> "device";
            case OS -> "os";
            case BROWSER -> "browser";
            case LANGUAGE -> "language";
            case BOT -> "bot_name";
        };
    }

    static String clicksCounted(Dimension dimension) {
        return dimension == Dimension.BOT ? "bot" : "NOT bot";
    }
}
