package dev.shortstack.webhooks.fanout;

import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.shared.webhooks.DeliveryQueue;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an event into one delivery per endpoint subscribed to it, and queues each. Safe to repeat:
 * a delivery is keyed by the event's id, so an event fanned out twice is still one delivery per
 * endpoint (its message may be queued twice; the deliverer posts it once).
 */
public final class WebhookFanOut {
    private final WebhookStore store;
    private final DeliveryQueue queue;
    private final Clock clock;

    public WebhookFanOut(WebhookStore store, DeliveryQueue queue, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    /** @return how many deliveries were queued */
    public int fanOut(WebhookEvent event) {
        Instant now = clock.instant();
        List<DeliveryMessage> messages = new ArrayList<>();
        for (WebhookEndpoint endpoint : store.endpoints(event.workspaceId())) {
            if (!endpoint.subscribes(event.type())) {
                continue;
            }
            WebhookDelivery delivery = WebhookDelivery.pending(endpoint, event, now);
            // Made by an earlier run that may have stopped before queueing it: queue it unless it was attempted already.
            boolean queueIt = store.createDelivery(delivery) || store.delivery(endpoint.endpointId(), delivery.deliveryId())
                    .filter(existing -> existing.status() == DeliveryStatus.PENDING && existing.attempts() == 0)
                    .isPresent();
            if (queueIt) {
                messages.add(DeliveryMessage.of(delivery));
            }
        }
        queue.send(messages);
        return messages.size();
    }
}
