package dev.shortstack.shared.archive;

/** An archive object that cannot be read as clicks: it is reported and quarantined, never half-counted. */
public final class CorruptArchiveObjectException extends RuntimeException {
    private final String key;

    public CorruptArchiveObjectException(String key, String problem, Throwable cause) {
        super("Archive object " + key + " is corrupt: " + problem, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
