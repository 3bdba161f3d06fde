package dev.shortstack.analytics.store;

/** Where the aggregator writes raw archive objects (gzip JSON Lines under time-partitioned keys). */
public interface ClickArchive {
    /** Writes (or overwrites, for a redelivered batch) one object; throws when it was not written. */
    void put(String key, byte[] gzippedJsonLines);
}
