package dev.shortstack.stats.archive;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** The click-archive bucket, as the stats engine and the compactor use it. */
public interface ArchiveStore {
    /** Every key under a prefix, in key order. */
    List<String> list(String prefix);

    /** The keys under a prefix that sort after {@code startAfter}, in key order. */
    List<String> list(String prefix, String startAfter);

    /** @throws ArchiveObjectMissingException when there is no such object (any more) */
    byte[] get(String key);

    /** @throws ArchiveObjectMissingException when there is no such object (any more) */
    void download(String key, Path target);

    void upload(String key, Path file);

    /** Moves an object aside (copy, then delete), for a corrupt raw object. */
    void move(String from, String to);

    void delete(Collection<String> keys);
}
