package dev.shortstack.shared.webhooks;

import java.util.List;

/** Raises events for a workspace's webhook endpoints. */
public interface WebhookEvents {
    /** For callers that raise none (tests, and imports, whose links are told by one {@code import.finished}). */
    WebhookEvents NONE = new WebhookEvents() {
        @Override
        public void raise(List<WebhookEvent> events) {
        }

        @Override
        public boolean wants(String workspaceId, WebhookEventType type) {
            return false;
        }
    };

    /** Hands the events on; raises nothing for a workspace with no endpoint subscribed to an event's type. */
    void raise(List<WebhookEvent> events);

    /** Whether an event of this type in this workspace would go anywhere: producers skip building the ones that would not. */
    default boolean wants(String workspaceId, WebhookEventType type) {
        return true;
    }

    default void raise(WebhookEvent event) {
        raise(List.of(event));
    }
}
