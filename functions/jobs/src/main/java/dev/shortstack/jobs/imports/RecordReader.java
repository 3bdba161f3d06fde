package dev.shortstack.jobs.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an import file into records on bytes, so that byte offsets are exact and bad
 * encodings are found per field rather than failing a whole stream. CSV follows RFC 4180 (quoted
 * fields may hold commas, quotes as {@code ""} and line breaks; CRLF, LF and CR all end a
 * record); JSON Lines is one record per line. Blank lines are skipped but counted.
 */
public final class RecordReader {
    private static final int QUOTE = '"';
    private static final int COMMA = ',';
    private static final int LF = '\n';
    private static final int CR = '\r';

    private final InputStream in;
    private final boolean csv;
    private long position;
    private long line;
    private int pushedBack = -2;

    /**
     * @param in        the file from {@code position} on
     * @param position  the byte offset of {@code in}'s first byte in the file
     * @param firstLine the line number of {@code in}'s first byte
     */
    public RecordReader(InputStream in, boolean csv, long position, long firstLine) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.csv = csv;
        this.position = position;
        this.line = firstLine;
    }

    /** @return the next non-blank record, or null at the end */
    public RawRecord next() throws IOException {
        while (true) {
            int first = read();
            if (first == -1) {
                return null;
            }
            if (first == LF || first == CR) {
                skipLfAfter(first);
                line++;
                continue;
            }
            unread(first);
            return csv ? csvRecord() : jsonLine();
        }
    }

    private RawRecord jsonLine() throws IOException {
        long start = position;
        long startLine = line;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int b;
        while ((b = read()) != -1 && b != LF && b != CR) {
            bytes.write(b);
        }
        if (b != -1) {
            skipLfAfter(b);
            line++;
        }
        return new RawRecord(startLine, start, position, bytes.toByteArray(), null, null);
    }

    private RawRecord csvRecord() throws IOException {
        long start = position;
        long startLine = line;
        ByteArrayOutputStream raw = new ByteArrayOutputStream(256);
        ByteArrayOutputStream field = new ByteArrayOutputStream(64);
        List<byte[]> fields = new ArrayList<>();
        boolean quoted = false;
        boolean afterQuote = false;
        String problem = null;
        while (true) {
            int b = read();
            if (b == -1) {
                if (quoted) {
                    problem = "a quoted field is never closed (a closing \" is missing)";
                }
                fields.add(field.toByteArray());
                return new RawRecord(startLine, start, position, raw.toByteArray(), fields, problem);
            }
            if (quoted) {
                if (b == QUOTE) {
                    int next = read();
                    if (next == QUOTE) {
                        field.write(QUOTE);
                        raw.write(QUOTE);
                        raw.write(QUOTE);
                        continue;
                    }
                    unread(next);
                    quoted = false;
                    afterQuote = true;
                    raw.write(QUOTE);
                    continue;
                }
                if (b == LF || (b == CR)) {
                    line++;
                    if (b == CR) {
                        int next = read();
                        if (next == LF) {
                            field.write(CR);
                            raw.write(CR);
                            b = LF;
                        } else {
                            unread(next);
                        }
                    }
                }
                field.write(b);
                raw.write(b);
                continue;
            }
            if (b == COMMA) {
                fields.add(field.toByteArray());
                field.reset();
                afterQuote = false;
                raw.write(b);
                continue;
            }
            if (b == LF || b == CR) {
                skipLfAfter(b);
                line++;
                fields.add(field.toByteArray());
                return new RawRecord(startLine, start, position, raw.toByteArray(), fields, problem);
            }
            if (b == QUOTE && field.size() == 0 && !afterQuote) {
                quoted = true;
                raw.write(b);
                continue;
            }
            if (afterQuote && problem == null) {
                problem = "text after a closing quote; quote the whole field and double any \" inside it";
            }
            field.write(b);
            raw.write(b);
        }
    }

    private void skipLfAfter(int b) throws IOException {
        if (b == CR) {
            int next = read();
            if (next != LF) {
                unread(next);
            }
        }
    }

    private int read() throws IOException {
        int b;
        if (pushedBack != -2) {
            b = pushedBack;
            pushedBack = -2;
        } else {
            b = in.read();
        }
        if (b != -1) {
            position++;
        }
        return b;
    }

    private void unread(int b) {
        if (b != -1) {
            pushedBack = b;
            position--;
        }
    }
}
