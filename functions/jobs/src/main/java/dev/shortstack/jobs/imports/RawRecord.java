package dev.shortstack.jobs.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One record of an import file, still as bytes.
 *
 * @param line    the file line the record starts on (1-based; a CSV record may span lines)
 * @param start   its first byte in the file
 * @param end     the byte after it, its line break included
 * @param bytes   the record without its line break, for the error report
 * @param fields  the CSV fields (unquoted); null for JSON Lines
 * @param problem why the record cannot be read (an unterminated quote), or null
 */
public record RawRecord(long line, long start, long end, byte[] bytes, List<byte[]> fields, String problem) {

    /** The record as text for people: invalid UTF-8 shows as U+FFFD. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
