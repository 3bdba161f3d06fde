package dev.shortstack.links.jobs;

import java.util.Locale;

/**
 * A job's life: {@code queued} (waiting for its upload or a worker), {@code running}, then one
 * final state. {@code partially_succeeded} means some rows were refused and are in the error report.
 */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    public static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
