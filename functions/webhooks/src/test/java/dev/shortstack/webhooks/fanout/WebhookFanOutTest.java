package dev.shortstack.webhooks.fanout;

import static dev.shortstack.webhooks.WebhookTesting.T0;
import static dev.shortstack.webhooks.WebhookTesting.endpoint;
import static dev.shortstack.webhooks.WebhookTesting.linkCreated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.testing.InMemoryWebhookStore;
import dev.shortstack.shared.testing.RecordingWebhookQueues;
import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookFanOutTest {
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final RecordingWebhookQueues queues = new RecordingWebhookQueues();
    private final WebhookFanOut fanOut = new WebhookFanOut(store, queues.deliveryQueue(), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void anEventBecomesOneDeliveryPerActiveEndpointSubscribedToIt() {
        endpoint(store, "wh_a", "https://a.example.com/h", WebhookEventType.LINK_CREATED, WebhookEventType.LINK_DELETED);
        endpoint(store, "wh_b", "https://b.example.com/h", WebhookEventType.LINK_CLICKED);
        endpoint(store, "wh_c", "https://c.example.com/h", WebhookEventType.LINK_CREATED);
        store.disable("fixtures", "wh_c", T0, "tested");
        WebhookEvent event = linkCreated("docs", T0);

        assertThat(fanOut.fanOut(event)).isEqualTo(1);

        assertThat(queues.deliveries).containsExactly(new DeliveryMessage("fixtures", "wh_a", event.id()));
        var delivery = store.delivery("wh_a", event.id()).orElseThrow();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.payload()).isEqualTo(event.toJson());
        assertThat(store.deliveries("wh_b", null, 10)).isEmpty();
        assertThat(store.deliveries("wh_c", null, 10)).isEmpty();
    }

    @Test
    void anEventFannedOutAgainIsStillOneDeliveryAndIsNotQueuedOnceAttempted() {
        endpoint(store, "wh_a", "https://a.example.com/h", WebhookEventType.LINK_CREATED);
        WebhookEvent event = linkCreated("docs", T0);
        fanOut.fanOut(event);
        // The first run may have stopped before queueing: the second queues it again, the deliverer posts it once.
        fanOut.fanOut(event);
        assertThat(store.deliveries("wh_a", null, 10)).hasSize(1);
        assertThat(queues.deliveries).hasSize(2);

        store.recordAttempt("wh_a", event.id(), new DeliveryAttempt(T0, 500, 3, "The endpoint answered 500"),
                DeliveryStatus.PENDING, T0.plusSeconds(30));
        assertThat(fanOut.fanOut(event)).isZero();
        assertThat(queues.deliveries).hasSize(2);
    }

    @Test
    void aWorkspaceWithoutEndpointsQueuesNothing() {
        assertThat(fanOut.fanOut(linkCreated("docs", T0))).isZero();
        assertThat(queues.deliveries).isEmpty();
    }
}
