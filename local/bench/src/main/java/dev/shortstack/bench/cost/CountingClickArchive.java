package dev.shortstack.bench.cost;

import dev.shortstack.analytics.store.ClickArchive;

/** The aggregator's archive with S3 taken out: counts the PUTs and their bytes. */
public final class CountingClickArchive implements ClickArchive {
    private long puts;
    private long bytes;

    @Override
    public void put(String key, byte[] gzippedJsonLines) {
        puts++;
        bytes += gzippedJsonLines.length;
    }

    public long puts() {
        return puts;
    }

    public long bytes() {
        return bytes;
    }
}
