package dev.shortstack.links.jobs;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
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

    /** The object's size, or empty when there is none. */
    OptionalLong size(String key);

    /** Bytes {@code start} (inclusive) to {@code end} (exclusive). */
    InputStream read(String key, long start, long end);

    InputStream read(String key);

    /** Keys under a prefix, in key order. */
    List<String> list(String prefix);

    /**
     * A large object written in parts; nothing is visible under {@code key} until the stream is
     * closed, and {@link WriteStream#abort()} leaves nothing behind.
     */
    WriteStream write(String key, String contentType);

    /** An upload in progress: closing completes it. */
    abstract class WriteStream extends OutputStream {
        /** Bytes written so far. */
        public abstract long bytesWritten();

        public abstract void abort();
    }
}
