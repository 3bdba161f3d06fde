package dev.shortstack.links.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The job files bucket: uploads, error reports and export results. */
public interface JobFiles {

    /** @param contentLength when known, the only size the URL accepts */
    PresignedUrl presignUpload(String key, OptionalLong contentLength, Duration validFor);

    /** @param fileName the name the browser saves the file as */
    PresignedUrl presignDownload(String key, String fileName, Duration validFor);

    void put(String key, byte[] content, String contentType);

    /** Removes an object if it exists. */
    void delete(String key);

    /** The object's size and version, or empty when there is none. */
    Optional<StoredFile> stat(String key);

    /**
     * Bytes {@code start} (inclusive) to {@code end} (exclusive) of the object as it was at
     * {@code etag}.
     *
     * @throws FileChangedException if it has been replaced since
     */
    InputStream read(String key, String etag, long start, long end);

    /** The whole object as it was at {@code etag}; @throws FileChangedException if replaced since */
    InputStream read(String key, String etag);

    InputStream read(String key);

    /** Keys under a prefix, in key order. */
    List<String> list(String prefix);

    /**
     * A large object written in parts; nothing is visible under {@code key} until the stream is
     * closed, and {@link WriteStream#abort()} leaves nothing behind.
     */
    WriteStream write(String key, String contentType);

    /**
     * Writes an object from {@code body}: completed when the body returns, aborted (nothing
     * left behind) when it throws.
     *
     * @return the bytes written
     */
    default long write(String key, String contentType, Body body) {
        WriteStream out = write(key, contentType);
        try {
            body.writeTo(out);
            out.close();
            return out.bytesWritten();
        } catch (IOException e) {
            out.abort();
            throw new UncheckedIOException("Writing " + key + " failed", e);
        } catch (RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    /** What goes into an object written with {@link #write(String, String, Body)}. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** An upload in progress: closing completes it. */
    abstract class WriteStream extends OutputStream {
        /** Bytes written so far. */
        public abstract long bytesWritten();

        public abstract void abort();
    }
}
