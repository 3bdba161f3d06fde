package dev.shortstack.shared.stats;

import java.time.LocalDate;

/**
 * The key scheme of the stats table, shared by the aggregator (writes realtime counters), the
 * rebuild job (writes exact ones) and the stats API (reads both).
 *
 * <pre>
 * realtime, per link:      pk L#{linkId}#{shard}   sk {day}#H#{hh}          human, bot
 *                                                   sk {day}#D#{dimension}   one number per value
 *                                                   sk {day}#U               hll, version
 * realtime, per workspace: pk W#{workspace}#{shard} sk {day}#S              one number per slug
 * rebuilt, per link:       pk R#{linkId}           sk {day}#current         generation
 *                                                   sk {day}#g{n}#H#{hh} / #D#{dimension} / #U
 * rebuilt, per workspace:  pk RW#{workspace}        sk {day}#current, {day}#g{n}
 * rebuild jobs:            pk J#{jobId}            sk job
 * </pre>
 *
 * Days are UTC ISO dates, so a range of days is one sort-key range per partition. A link's
 * counters are keyed by link id, so a slug deleted and created again starts from zero.
 */
public final class StatsKeys {
    public static final String CURRENT = "current";

    private StatsKeys() {
    }

    public static String linkShard(String linkId, int shard) {
        return "L#" + linkId + "#" + shard;
    }

    public static String workspaceShard(String workspaceId, int shard) {
        return "W#" + workspaceId + "#" + shard;
    }

    public static String rebuiltLink(String linkId) {
        return "R#" + linkId;
    }

    public static String rebuiltWorkspace(String workspaceId) {
        return "RW#" + workspaceId;
    }

    public static String job(String jobId) {
        return "J#" + jobId;
    }

    public static String hour(LocalDate day, int hour) {
        return day + "#H#" + String.format("%02d", hour);
    }

    public static String dimension(LocalDate day, Dimension dimension) {
        return day + "#D#" + dimension.wireName();
    }

    public static String workspaceDay(LocalDate day) {
        return day + "#S";
    }

    public static String uniques(LocalDate day) {
        return day + "#U";
    }

    public static String marker(LocalDate day) {
        return day + "#" + CURRENT;
    }

    /** A rebuilt item's sort key: the realtime suffix behind its generation. */
    public static String generation(LocalDate day, long generation, String realtimeSortKey) {
        return day + "#g" + generation + realtimeSortKey.substring(day.toString().length());
    }

    public static String generationPrefix(LocalDate day, long generation) {
        return day + "#g" + generation + "#";
    }

    /** The sort-key range that holds days {@code from} to {@code to}, both included. */
    public static String rangeStart(LocalDate from) {
        return from.toString();
    }

    public static String rangeEnd(LocalDate to) {
        return to + "#~";
    }

    public static LocalDate dayOf(String sortKey) {
        return LocalDate.parse(sortKey.substring(0, 10));
    }
}
