package dev.shortstack.analytics.rebuild;

import java.util.Map;

/**
 * One partition's exact figures for one day, keyed by the realtime sort key they replace
 * (e.g. {@code 2026-11-27#H#09}): counters as numbers, the unique-visitor sketch as bytes.
 */
public record RebuiltItems(String realtimePartition, Map<String, Map<String, Long>> counters, Map<String, byte[]> sketches) {
}
