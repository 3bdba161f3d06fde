package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig.FunctionConfig;
import dev.shortstack.shared.config.EnvNames;
import java.util.HashMap;
import java.util.Map;

/**
 * The limits of the click engine (DuckDB over the archive, in the stats API, the compactor and the
 * jobs worker), derived from each function's own settings: raising its memory, /tmp or timeout in
 * stages.json raises them too, and they can never outgrow the function. The engine's defaults
 * (1 GB of cache and of memory) would fill a default 512 MB /tmp and all of a 1 GB function.
 */
public final class ClickEngineEnvironment {
    /** Lambda's /tmp when a function does not ask for more. */
    static final int DEFAULT_EPHEMERAL_STORAGE_MB = 512;
    /** The JVM and DuckDB's buffers outside its limit need the other half of the memory. */
    static final int QUERY_MEMORY_PERCENT = 50;
    /** DuckDB's spills and the compactor's output need the last quarter of /tmp. */
    static final int ARCHIVE_CACHE_PERCENT = 75;
    /** A statement gives up this long before the function would, so the caller gets an answer (a 503), not a timeout. */
    static final int TIMEOUT_MARGIN_SECONDS = 10;

    private ClickEngineEnvironment() {
    }

    /** Memory and file-cache limits only: the function keeps its own statement timeout. */
    public static Map<String, String> limits(FunctionConfig function) {
        int tmpMb = function.ephemeralStorageMb() == null ? DEFAULT_EPHEMERAL_STORAGE_MB : function.ephemeralStorageMb();
        return Map.of(
                EnvNames.ARCHIVE_CACHE_MB, Integer.toString(tmpMb * ARCHIVE_CACHE_PERCENT / 100),
                EnvNames.QUERY_MEMORY_MB, Integer.toString(function.memoryMb() * QUERY_MEMORY_PERCENT / 100));
    }

    /** The limits, and statements that may run until just before the function's timeout. */
    public static Map<String, String> limitsAndTimeout(FunctionConfig function) {
        int timeoutSeconds = function.timeoutSeconds() - TIMEOUT_MARGIN_SECONDS;
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("A function running click queries needs a timeout above " + TIMEOUT_MARGIN_SECONDS + " s");
        }
        Map<String, String> env = new HashMap<>(limits(function));
        env.put(EnvNames.QUERY_TIMEOUT_SECONDS, Integer.toString(timeoutSeconds));
        return env;
    }
}
