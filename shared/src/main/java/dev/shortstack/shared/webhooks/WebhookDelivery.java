package dev.shortstack.shared.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One event for one endpoint, with every attempt made. Its id is the event's id (a manual
 * redelivery adds a suffix), so the same event reaches an endpoint as one delivery however often
 * the fan-out runs.
 */
public record WebhookDelivery(
        String workspaceId,
        String endpointId,
        String deliveryId,
        String eventId,
        WebhookEventType eventType,
        String payload,
        DeliveryStatus status,
        List<DeliveryAttempt> attemptLog,
        Instant nextAttemptAt,
        Instant createdAt,
        String redeliveryOf) {

    public WebhookDelivery {
        attemptLog = List.copyOf(attemptLog);
    }

    public int attempts() {
        return attemptLog.size();
    }

    /** A new delivery of an event, not attempted yet. */
    public static WebhookDelivery pending(WebhookEndpoint endpoint, WebhookEvent event, Instant now) {
        return new WebhookDelivery(endpoint.workspaceId(), endpoint.endpointId(), event.id(), event.id(), event.type(),
                event.toJson(), DeliveryStatus.PENDING, List.of(), now, now, null);
    }
}
