package dev.shortstack.jobs.imports;

/** A row that did not become a link: where it is, what it said, and why. */
public record RowError(long line, String input, String reason) {
}
