package dev.shortstack.shared.archive;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.shortstack.shared.json.Json;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The one reader and writer of archive objects (gzip JSON Lines of {@link ArchivedClick}). Every
 * consumer reads through {@link #decode}, so a wrong schema version, a truncated gzip stream or a
 * line that is not a complete click is refused the same way everywhere, naming the object.
 */
public final class ArchiveCodec {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(ArchivedClick.class);
    /** Newer writers may add fields; an older reader ignores them rather than refuse the object. */
    private static final ObjectReader READER = Json.mapper().readerFor(ArchivedClick.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ArchiveCodec() {
    }

    public static byte[] encode(List<ArchivedClick> clicks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(256, clicks.size() * 160));
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (ArchivedClick click : clicks) {
                gzip.write(WRITER.writeValueAsBytes(click));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws CorruptArchiveObjectException when any part of the object cannot be read as clicks */
    public static List<ArchivedClick> decode(String key, byte[] gzipped) {
        return decode(key, new ByteArrayInputStream(gzipped));
    }

    /** @throws CorruptArchiveObjectException when any part of the object cannot be read as clicks */
    public static List<ArchivedClick> decode(String key, InputStream gzipped) {
        List<ArchivedClick> clicks = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                clicks.add(validated(READER.readValue(line), key, lineNumber));
            }
        } catch (IOException e) {
            throw new CorruptArchiveObjectException(key, "unreadable at line " + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
        return clicks;
    }

    private static ArchivedClick validated(ArchivedClick click, String key, int line) {
        String problem = null;
        if (click == null) {
            problem = "empty record";
        } else if (click.schemaVersion() != ArchivedClick.SCHEMA_VERSION) {
            problem = "schema version " + click.schemaVersion() + ", expected " + ArchivedClick.SCHEMA_VERSION;
        } else if (blank(click.clickId()) || blank(click.linkId()) || blank(click.workspaceId()) || blank(click.slug())
                || blank(click.method())) {
            problem = "a required field is missing";
        } else if (!click.bot() && blank(click.country())) {
            problem = "a human click without its classification";
        } else {
            try {
                Instant.parse(click.occurredAt());
            } catch (DateTimeParseException | NullPointerException e) {
                problem = "occurredAt is not an instant";
            }
        }
        if (problem != null) {
            throw new CorruptArchiveObjectException(key, problem + " at line " + line, null);
        }
        return click;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
