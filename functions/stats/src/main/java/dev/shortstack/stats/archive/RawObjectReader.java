package dev.shortstack.stats.archive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.archive.CorruptArchiveObjectException;
import dev.shortstack.shared.observability.Observability;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads raw archive objects through the one codec, keeping recently read ones decoded in memory
 * (a raw object's name is a hash of its click ids, so its content never changes). A corrupt object
 * is reported with its key and skipped, so the rest still answers; the compactor moves it aside.
 */
public final class RawObjectReader {
    private static final Logger LOG = LoggerFactory.getLogger(RawObjectReader.class);
    private final ArchiveStore store;
    private final Cache<String, List<ArchivedClick>> decoded;
    private final Observability observability;

    /** @param maxCachedClicks how many decoded clicks to keep in memory (about 1 KB each) */
    public RawObjectReader(ArchiveStore store, long maxCachedClicks, Observability observability) {
        this.store = store;
        this.observability = observability;
        this.decoded = Caffeine.newBuilder()
                .maximumWeight(maxCachedClicks)
                .<String, List<ArchivedClick>>weigher((key, clicks) -> Math.max(1, clicks.size()))
                .build();
    }

    /** The object's clicks, or empty when it is corrupt (reported, with its key). */
    public Optional<List<ArchivedClick>> read(String key) {
        List<ArchivedClick> cached = decoded.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            List<ArchivedClick> clicks = ArchiveCodec.decode(key, store.get(key));
            decoded.put(key, clicks);
            return Optional.of(clicks);
        } catch (CorruptArchiveObjectException e) {
            LOG.error("Skipping a corrupt archive object; the compactor quarantines it: {}", e.getMessage());
            observability.count("CorruptArchiveObject");
            return Optional.empty();
        }
    }
}
