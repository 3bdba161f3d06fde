package dev.shortstack.links.jobs;

import java.util.Arrays;
import java.util.Optional;

/** What an export writes: CSV (Shortstack's import format) or JSON Lines. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=utf-8", ImportFormat.SHORTSTACK_CSV),
    JSONL("jsonl", "application/x-ndjson", ImportFormat.JSONL);

    private final String wireName;
    private final String contentType;
    private final ImportFormat reimportAs;

    ExportFormat(String wireName, String contentType, ImportFormat reimportAs) {
        this.wireName = wireName;
        this.contentType = contentType;
        this.reimportAs = reimportAs;
    }

    public String wireName() {
        return wireName;
    }

    public String contentType() {
        return contentType;
    }

    /** The import format that reads this export back. */
    public ImportFormat reimportAs() {
        return reimportAs;
    }

    public static Optional<ExportFormat> fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(value)).findFirst();
    }
}
