package dev.shortstack.analytics.store;

import java.util.List;

/** The immutable raw click archive: gzip JSON Lines objects under time-partitioned keys. */
public interface ClickArchive {
    /** Writes (or overwrites) one object. */
    void put(String key, byte[] gzippedJsonLines);

    /** Every key under a prefix, in key order. */
    List<String> list(String prefix);

    byte[] get(String key);
}
