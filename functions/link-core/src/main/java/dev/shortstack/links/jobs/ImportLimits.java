package dev.shortstack.links.jobs;

import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;

/**
 * How big an import may be and how it is cut up.
 *
 * @param maxBytes  files over this are refused before any work starts
 * @param maxRows   files with more data rows are failed by the planner before any link is made
 * @param chunkRows rows per chunk: one queue message and one worker invocation each
 */
public record ImportLimits(long maxBytes, long maxRows, int chunkRows) {
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final long DEFAULT_MAX_ROWS = 1_000_000;
    public static final int DEFAULT_CHUNK_ROWS = 1_000;

    public static ImportLimits fromEnv(Env env) {
        return new ImportLimits(
                env.getLong(EnvNames.IMPORT_MAX_BYTES, DEFAULT_MAX_BYTES, 1, 5L * 1024 * 1024 * 1024),
                env.getLong(EnvNames.IMPORT_MAX_ROWS, DEFAULT_MAX_ROWS, 1, 100_000_000),
                env.getInt(EnvNames.IMPORT_CHUNK_ROWS, DEFAULT_CHUNK_ROWS, 1, 10_000));
    }
}
