package dev.shortstack.stats.archive;

/** An object a catalog entry named is gone: a compaction replaced it while a query was reading. */
public final class ArchiveObjectMissingException extends RuntimeException {
    public ArchiveObjectMissingException(String key, Throwable cause) {
        super("Archive object " + key + " does not exist (any more)", cause);
    }
}
