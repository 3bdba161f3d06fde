package dev.shortstack.shared.webhooks;

import java.util.List;

/** Raises events for a workspace's webhook endpoints. */
public interface WebhookEvents {
    /** For callers that raise none (tests, and imports, whose links are told by one {@code import.finished}). */
    WebhookEvents NONE = events -> {
    };

    /** Hands the events on; raises nothing for a workspace with no endpoint subscribed to an event's type. */
    void raise(List<WebhookEvent> events);

    default void raise(WebhookEvent event) {
        raise(List.of(event));
    }
}
