package dev.shortstack.webhooks.entrypoints;

import static dev.shortstack.webhooks.WebhookTesting.T0;
import static dev.shortstack.webhooks.WebhookTesting.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.shared.testing.Fixtures;
import dev.shortstack.shared.testing.InMemoryWebhookStore;
import dev.shortstack.shared.testing.ManualClock;
import dev.shortstack.shared.testing.RecordingWebhookQueues;
import dev.shortstack.shared.testing.WebhookReceiver;
import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookTargets;
import dev.shortstack.webhooks.delivery.RetrySchedule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two webhook functions driven by the SQS events in {@code events/webhooks}. */
class WebhookFunctionsTest {
    private static final String ENDPOINT = "wh_fixturefixturefix";
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final RecordingWebhookQueues queues = new RecordingWebhookQueues();
    private final List<String> hidden = new CopyOnWriteArrayList<>();
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final ManualClock clock = new ManualClock(T0);
    private final WebhooksDependencies deps = new WebhooksDependencies(store, queues.deliveryQueue(),
            (receipt, seconds) -> hidden.add(receipt + " for " + seconds + " s"), new WebhookTargets(true),
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(4), 15), Duration.ofDays(1), clock);

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static WebhookEvent fixtureEvent() {
        ObjectNode event = Fixtures.event("webhooks/link-created-event.json");
        return WebhookEvent.fromJson(event.get("Records").get(0).get("body").asText());
    }

    @Test
    void theFanOutTurnsTheFixturesEventIntoADeliveryForTheSubscribedEndpoint() {
        endpoint(store, ENDPOINT, receiver.url(), WebhookEventType.LINK_CREATED);

        JsonNode response = LambdaInvoker.invoke(new FanOutWebhookEventsFunction(deps), "webhook-fanout",
                Fixtures.event("webhooks/link-created-event.json"));

        assertThat(response.get("batchItemFailures")).isEmpty();
        assertThat(queues.deliveries).containsExactly(new DeliveryMessage("fixtures", ENDPOINT, fixtureEvent().id()));
    }

    @Test
    void anUnreadableEventComesBackAndNothingIsQueued() {
        endpoint(store, ENDPOINT, receiver.url(), WebhookEventType.LINK_CREATED);
        ObjectNode event = Fixtures.event("webhooks/link-created-event.json");
        ((ObjectNode) event.get("Records").get(0)).put("body", "{\"type\":\"link.exploded\"}");

        JsonNode response = LambdaInvoker.invoke(new FanOutWebhookEventsFunction(deps), "webhook-fanout", event);

        assertThat(response.get("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly("2d6f0a52-0000-4c1f-9a77-3c1d1f0a2b01");
        assertThat(queues.deliveries).isEmpty();
    }

    @Test
    void theDelivererPostsTheFixturesDeliveryAndDeletesItsMessage() {
        WebhookEndpoint endpoint = endpoint(store, ENDPOINT, receiver.url(), WebhookEventType.LINK_CREATED);
        store.createDelivery(WebhookDelivery.pending(endpoint, fixtureEvent(), T0));

        JsonNode response = LambdaInvoker.invoke(new DeliverWebhooksFunction(deps), "webhook-deliverer",
                Fixtures.event("webhooks/delivery.json"));

        assertThat(response.get("batchItemFailures")).isEmpty();
        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(fixtureEvent().toJson());
            assertThat(r.signedWith(endpoint.secret())).isTrue();
        });
        assertThat(hidden).isEmpty();
    }

    @Test
    void aFailedAttemptKeepsTheMessageHiddenForTheBackoffAndReportsItFailed() {
        WebhookEndpoint endpoint = endpoint(store, ENDPOINT, receiver.url(), WebhookEventType.LINK_CREATED);
        store.createDelivery(WebhookDelivery.pending(endpoint, fixtureEvent(), T0));
        receiver.answer(500);

        JsonNode response = LambdaInvoker.invoke(new DeliverWebhooksFunction(deps), "webhook-deliverer",
                Fixtures.event("webhooks/delivery.json"));

        assertThat(response.get("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly("2d6f0a52-0000-4c1f-9a77-3c1d1f0a2b02");
        assertThat(hidden).containsExactly("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0b for 30 s");
        assertThat(store.delivery(ENDPOINT, fixtureEvent().id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
    }
}
