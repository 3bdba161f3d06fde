package dev.shortstack.links.jobs;

import java.time.LocalDate;

/** A validated {@code POST /v1/exports}; {@code from}/{@code to} (UTC days, inclusive) may be null. */
public record ExportRequest(ExportType type, ExportFormat format, LocalDate from, LocalDate to) {
}
