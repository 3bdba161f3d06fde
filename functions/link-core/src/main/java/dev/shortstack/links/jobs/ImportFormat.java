package dev.shortstack.links.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The files an import reads; docs/imports.md has each format's column mapping. */
public enum ImportFormat {
    /** Shortstack's own CSV, which is also what a links export writes. */
    SHORTSTACK_CSV("shortstack-csv", true),
    /** One JSON object per line with the fields of {@code POST /v1/links}. */
    JSONL("jsonl", false),
    /** Bitly's links export. */
    BITLY_CSV("bitly-csv", true),
    /** Shlink's short-URL CSV (its web client's export and its importer's input). */
    SHLINK_CSV("shlink-csv", true);

    private final String wireName;
    private final boolean csv;

    ImportFormat(String wireName, boolean csv) {
        this.wireName = wireName;
        this.csv = csv;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isCsv() {
        return csv;
    }

    public static Optional<ImportFormat> fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(value)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(ImportFormat::wireName).toList());
    }
}
