package dev.shortstack.stats.query;

import java.time.Instant;

/** A link's clicks over a range: people's, bots', and when a person last clicked (null if nobody did). */
public record LinkTotals(long human, long bot, Instant lastHumanClick) {
    public static final LinkTotals NONE = new LinkTotals(0, 0, null);
}
