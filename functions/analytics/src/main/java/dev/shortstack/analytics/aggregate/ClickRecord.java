package dev.shortstack.analytics.aggregate;

import dev.shortstack.shared.archive.ArchivedClick;

/** A parsed, classified click and the queue message that carried it. */
public record ClickRecord(String messageId, ArchivedClick click) {
}
