package dev.shortstack.bench.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A traffic profile: clicks a month over a number of links and workspaces, and the window of
 * simulated time that stands for it (a whole UTC day where that is affordable, one hour at the high
 * profile, where a day would be 100 million clicks).
 *
 * @param clicksPerMonth mean clicks in a 30-day month; arrivals are Poisson at {@link #clicksPerSecond()}
 * @param links          links drawn Zipf(s = 1.0); link {@code i} belongs to workspace {@code i mod workspaces}
 * @param windowStart    the first simulated instant
 * @param window         simulated time; a day-scale figure (compaction) is scaled up from it
 */
public record TrafficProfile(String name, long clicksPerMonth, int links, int workspaces, Instant windowStart,
                             Duration window) {

    public static final Duration DAY = Duration.ofDays(1);
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Instant DAY_START = Instant.parse("2026-12-01T00:00:00Z");

    public static final TrafficProfile LOW = new TrafficProfile("low", 1_000_000L, 1_000, 1, DAY_START, DAY);
    public static final TrafficProfile MEDIUM = new TrafficProfile("medium", 100_000_000L, 100_000, 100, DAY_START, DAY);
    public static final TrafficProfile HIGH = new TrafficProfile("high", 3_000_000_000L, 10_000_000, 1_000,
            DAY_START.plus(Duration.ofHours(12)), Duration.ofHours(1));

    public double clicksPerSecond() {
        return (double) clicksPerMonth / MONTH.toSeconds();
    }

    /** How many windows make a day: 1 for a simulated day, 24 for a simulated hour. */
    public double windowsPerDay() {
        return (double) DAY.toNanos() / window.toNanos();
    }

    public boolean wholeDay() {
        return window.equals(DAY);
    }

    public String describe() {
        double rate = clicksPerSecond();
        return String.format(Locale.ROOT, "%s: %,d clicks/month over %,d links, %,d workspace%s (mean %s clicks/s)",
                name, clicksPerMonth, links, workspaces, workspaces == 1 ? "" : "s",
                rate >= 100 ? String.format(Locale.ROOT, "%,.0f", rate) : String.format(Locale.ROOT, "%.3g", rate));
    }

    /** @param names comma-separated profile names, e.g. {@code low,medium,high} */
    public static List<TrafficProfile> parse(String names) {
        List<TrafficProfile> profiles = new ArrayList<>();
        for (String name : names.split(",")) {
            profiles.add(switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "low" -> LOW;
                case "medium" -> MEDIUM;
                case "high" -> HIGH;
                default -> throw new IllegalArgumentException("Unknown profile '" + name + "' (low, medium, high)");
            });
        }
        return profiles;
    }
}
