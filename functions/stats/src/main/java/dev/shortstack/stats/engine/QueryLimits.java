package dev.shortstack.stats.engine;

import java.time.Duration;

/**
 * What one execution environment's engine may use: DuckDB's memory limit (beyond it a query
 * spills to disk or fails, it never takes the function down), its threads, and how long one
 * query may run before it is cancelled.
 */
public record QueryLimits(long memoryMb, int threads, Duration timeout) {
}
