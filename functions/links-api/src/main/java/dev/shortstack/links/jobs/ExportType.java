package dev.shortstack.links.jobs;

import java.util.Arrays;
import java.util.Optional;

/** What an export contains. */
public enum ExportType {
    /** Every link of the workspace (optionally those created in a date range), re-importable as is. */
    LINKS("links");

    private final String wireName;

    ExportType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ExportType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
