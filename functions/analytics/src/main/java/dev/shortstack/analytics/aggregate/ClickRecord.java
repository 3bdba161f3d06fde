package dev.shortstack.analytics.aggregate;

import dev.shortstack.analytics.classify.Classification;
import dev.shortstack.shared.click.ClickEvent;

/** A parsed, classified click and the queue message that carried it. */
public record ClickRecord(String messageId, ClickEvent event, Classification classification) {
}
