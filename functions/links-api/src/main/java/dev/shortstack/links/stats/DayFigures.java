package dev.shortstack.links.stats;

import dev.shortstack.shared.stats.Dimension;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One link's figures for one UTC day, summed over the write shards (or the rebuilt, exact ones).
 *
 * @param sketches the day's unique-visitor sketches (one per shard), to be unioned
 * @param exact    true when the day was rebuilt from the archive
 */
public record DayFigures(long[] human, long[] bot, Map<Dimension, Map<String, Long>> breakdowns, List<byte[]> sketches,
                         boolean exact) {

    public static DayFigures empty(boolean exact) {
        return new DayFigures(new long[24], new long[24], new EnumMap<>(Dimension.class), new java.util.ArrayList<>(), exact);
    }

    public void addBreakdown(Dimension dimension, String value, long count) {
        breakdowns.computeIfAbsent(dimension, d -> new HashMap<>()).merge(value, count, Long::sum);
    }
}
