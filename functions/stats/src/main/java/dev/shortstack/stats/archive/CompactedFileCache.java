package dev.shortstack.stats.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compacted Parquet files on local disk ({@code /tmp} in Lambda), fetched once with the SDK: DuckDB
 * reads them locally because httpfs is not bundled. A compacted file's name carries its version,
 * so a name never changes content and needs no revalidation. Bounded: the least recently used
 * files go when the cache would exceed its size.
 */
public final class CompactedFileCache {
    private final ArchiveStore store;
    private final Path dir;
    private final long maxBytes;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Access-ordered: the eldest entry is the least recently used. */
    private final LinkedHashMap<String, Long> sizes = new LinkedHashMap<>(64, 0.75f, true);
    private final AtomicLong bytes = new AtomicLong();

    public CompactedFileCache(ArchiveStore store, Path dir, long maxBytes) {
        this.store = store;
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + dir + " for the archive cache", e);
        }
    }

    /** The local copy of a compacted file, fetched if it is not here yet. */
    public Path file(String key) {
        Path local = dir.resolve(key.replace('/', '_'));
        synchronized (this) {
            if (sizes.get(key) != null && Files.exists(local)) {
                return local;
            }
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            synchronized (this) {
                if (sizes.get(key) != null && Files.exists(local)) {
                    return local;
                }
            }
            try {
                Path partial = Files.createTempFile(dir, "fetch-", ".part");
                Files.delete(partial);
                store.download(key, partial);
                Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long size = Files.size(local);
                synchronized (this) {
                    sizes.put(key, size);
                    bytes.addAndGet(size);
                    evict(key);
                }
                return local;
            } catch (IOException e) {
                throw new UncheckedIOException("Caching " + key + " failed", e);
            } finally {
                locks.remove(key);
            }
        }
    }

    public long bytes() {
        return bytes.get();
    }

    /** Drops the least recently used files (never the one just fetched) until the cache fits. */
    private void evict(String keep) {
        Iterator<Map.Entry<String, Long>> eldest = sizes.entrySet().iterator();
        while (bytes.get() > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Long> entry = eldest.next();
            if (entry.getKey().equals(keep)) {
                continue;
            }
            try {
                Files.deleteIfExists(dir.resolve(entry.getKey().replace('/', '_')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes.addAndGet(-entry.getValue());
            eldest.remove();
        }
    }
}
