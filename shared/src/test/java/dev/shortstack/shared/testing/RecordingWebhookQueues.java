package dev.shortstack.shared.testing;

import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.shared.webhooks.DeliveryQueue;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The webhook events and deliveries queues, keeping what was sent for tests to read. */
public final class RecordingWebhookQueues {
    public final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    public final List<DeliveryMessage> deliveries = new CopyOnWriteArrayList<>();

    public WebhookEvents eventQueue() {
        return events::addAll;
    }

    public DeliveryQueue deliveryQueue() {
        return deliveries::addAll;
    }
}
