package dev.shortstack.links.jobs;

import java.util.Arrays;
import java.util.Optional;

/** What an export contains. */
public enum ExportType {
    /** Every link of the workspace (optionally those created in a date range), re-importable as is. */
    LINKS("links"),
    /** Per link and UTC day: human and bot clicks, unique visitors, and whether the day is exact (rebuilt). */
    STATS("stats"),
    /** Every raw click of the workspace from the archive, de-duplicated, one per line. */
    CLICKS("clicks");

    /** The longest range of days a clicks or stats export may cover. */
    public static final int MAX_DAYS = 93;

    private final String wireName;

    ExportType(String wireName) {
        this.wireName = wireName;
    }

    /** Clicks and statistics are per day: they need a range; links are all by default. */
    public boolean needsRange() {
        return this != LINKS;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ExportType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
