package dev.shortstack.links.jobs;

/** The object was replaced since its ETag was read: byte ranges planned on the old one are void. */
public final class FileChangedException extends RuntimeException {
    public FileChangedException(String key) {
        super("The object " + key + " was replaced", null, false, false);
    }
}
