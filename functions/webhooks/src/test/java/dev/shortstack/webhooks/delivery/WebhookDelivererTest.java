package dev.shortstack.webhooks.delivery;

import static dev.shortstack.webhooks.WebhookTesting.T0;
import static dev.shortstack.webhooks.WebhookTesting.endpoint;
import static dev.shortstack.webhooks.WebhookTesting.linkCreated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.testing.InMemoryWebhookStore;
import dev.shortstack.shared.testing.ManualClock;
import dev.shortstack.shared.testing.WebhookReceiver;
import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.EndpointStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookTargets;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDelivererTest {
    private static final RetrySchedule RETRIES = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(4), 15);
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final ManualClock clock = new ManualClock(T0);
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final WebhookDeliverer deliverer = new WebhookDeliverer(store, new WebhookHttp(new WebhookTargets(true), clock), RETRIES,
            Duration.ofDays(1), clock);

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private DeliveryMessage pending(WebhookEndpoint endpoint, WebhookEvent event) {
        WebhookDelivery delivery = WebhookDelivery.pending(endpoint, event, clock.instant());
        store.createDelivery(delivery);
        return DeliveryMessage.of(delivery);
    }

    @Test
    void aDeliveryIsPostedOnceSignedWithTheEndpointsSecretAndLoggedAsSucceeded() {
        WebhookEndpoint endpoint = endpoint(store, "wh_a", receiver.url(), WebhookEventType.LINK_CREATED);
        WebhookEvent event = linkCreated("docs", T0);
        DeliveryMessage message = pending(endpoint, event);

        assertThat(deliverer.deliver(message, 1)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(event.toJson());
            assertThat(r.id()).isEqualTo(event.id());
            assertThat(r.timestamp()).isEqualTo(Long.toString(T0.getEpochSecond()));
            assertThat(r.eventHeader()).isEqualTo("link.created");
            assertThat(r.signedWith(endpoint.secret())).isTrue();
        });
        WebhookDelivery logged = store.delivery("wh_a", event.id()).orElseThrow();
        assertThat(logged.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(logged.attemptLog()).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isEqualTo(204);
            assertThat(a.error()).isNull();
        });
        // A copy of the message that arrives later posts nothing.
        assertThat(deliverer.deliver(message, 1)).isEqualTo(DeliveryOutcome.DONE);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aFailedAttemptIsLoggedAndComesBackAfterTheBackoffUntilTheLastOneFailsTheDelivery() {
        WebhookEndpoint endpoint = endpoint(store, "wh_a", receiver.url(), WebhookEventType.LINK_CREATED);
        WebhookEvent event = linkCreated("docs", T0);
        DeliveryMessage message = pending(endpoint, event);
        receiver.answer(503);

        assertThat(deliverer.deliver(message, 1)).isEqualTo(DeliveryOutcome.retryAfter(Duration.ofSeconds(30)));
        WebhookDelivery afterFirst = store.delivery("wh_a", event.id()).orElseThrow();
        assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(afterFirst.attemptLog()).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isEqualTo(503);
            assertThat(a.error()).isEqualTo("The endpoint answered 503");
        });

        clock.advance(Duration.ofSeconds(30));
        assertThat(deliverer.deliver(message, 2)).isEqualTo(DeliveryOutcome.retryAfter(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(60));
        assertThat(deliverer.deliver(message, 15)).isEqualTo(DeliveryOutcome.retryAfter(Duration.ZERO));
        WebhookDelivery last = store.delivery("wh_a", event.id()).orElseThrow();
        assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.nextAttemptAt()).isNull();
        assertThat(receiver.received()).hasSize(3).allSatisfy(r -> assertThat(r.signedWith(endpoint.secret())).isTrue());
        assertThat(store.endpoint("fixtures", "wh_a").orElseThrow().failingSince()).isEqualTo(T0);
    }

    @Test
    void anEndpointThatHasFailedForADayIsDisabledAndItsWaitingDeliveriesAreSkipped() {
        WebhookEndpoint endpoint = endpoint(store, "wh_a", receiver.url(), WebhookEventType.LINK_CREATED);
        receiver.answer(500);
        DeliveryMessage first = pending(endpoint, linkCreated("one", T0));
        DeliveryMessage second = pending(endpoint, linkCreated("two", T0));
        deliverer.deliver(first, 1);
        clock.advance(Duration.ofHours(23));
        deliverer.deliver(first, 2);
        assertThat(store.endpoint("fixtures", "wh_a").orElseThrow().status()).isEqualTo(EndpointStatus.ACTIVE);

        clock.advance(Duration.ofHours(1));
        deliverer.deliver(first, 3);

        WebhookEndpoint disabled = store.endpoint("fixtures", "wh_a").orElseThrow();
        assertThat(disabled.status()).isEqualTo(EndpointStatus.DISABLED);
        assertThat(disabled.disabledAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(disabled.disabledReason()).startsWith("Every delivery since " + T0 + " failed (the last: The endpoint answered 500)");
        assertThat(deliverer.deliver(second, 1)).isEqualTo(DeliveryOutcome.DONE);
        assertThat(store.delivery("wh_a", second.deliveryId()).orElseThrow().status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aSuccessInBetweenRestartsTheFailureClock() {
        WebhookEndpoint endpoint = endpoint(store, "wh_a", receiver.url(), WebhookEventType.LINK_CREATED);
        receiver.answer(500);
        deliverer.deliver(pending(endpoint, linkCreated("one", T0)), 1);
        receiver.answer(200);
        clock.advance(Duration.ofHours(20));
        deliverer.deliver(pending(store.endpoint("fixtures", "wh_a").orElseThrow(), linkCreated("two", clock.instant())), 1);
        assertThat(store.endpoint("fixtures", "wh_a").orElseThrow().failingSince()).isNull();
        receiver.answer(500);
        clock.advance(Duration.ofHours(5));
        deliverer.deliver(pending(endpoint, linkCreated("three", clock.instant())), 1);
        assertThat(store.endpoint("fixtures", "wh_a").orElseThrow().status()).isEqualTo(EndpointStatus.ACTIVE);
    }

    @Test
    void aRefusedTargetIsNeverConnectedToAndSaysWhy() {
        WebhookDeliverer strict = new WebhookDeliverer(store, new WebhookHttp(new WebhookTargets(false), clock), RETRIES,
                Duration.ofDays(1), clock);
        WebhookEndpoint endpoint = endpoint(store, "wh_a", receiver.url(), WebhookEventType.LINK_CREATED);
        WebhookEvent event = linkCreated("docs", T0);

        assertThat(strict.deliver(pending(endpoint, event), 1).done()).isFalse();

        assertThat(receiver.received()).isEmpty();
        assertThat(store.delivery("wh_a", event.id()).orElseThrow().attemptLog()).singleElement()
                .satisfies(a -> assertThat(a.error()).isEqualTo("Not allowed: the URL must use https"));
    }

    @Test
    void aPublicNameThatResolvesToAnInternalAddressIsRefusedAfterDnsResolution() {
        // The name passed the check when the endpoint was saved; now its DNS answers with one public and one internal address.
        Dns rebinding = host -> List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("169.254.169.254"));
        WebhookDeliverer strict = new WebhookDeliverer(store, new WebhookHttp(new WebhookTargets(false), clock, rebinding), RETRIES,
                Duration.ofDays(1), clock);
        WebhookEndpoint endpoint = endpoint(store, "wh_a", "https://hooks.example.com/hook", WebhookEventType.LINK_CREATED);
        WebhookEvent event = linkCreated("docs", T0);

        assertThat(strict.deliver(pending(endpoint, event), 1).done()).isFalse();

        assertThat(store.delivery("wh_a", event.id()).orElseThrow().attemptLog()).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isNull();
            assertThat(a.error()).isEqualTo("Not allowed: hooks.example.com resolves to 169.254.169.254, a link-local address"
                    + " (where cloud metadata services listen); webhooks go to public addresses only");
        });
    }

    @Test
    void aRotatedSecretSignsAlongsideTheNewOneUntilItExpires() {
        WebhookEndpoint original = endpoint(store, "wh_a", receiver.url(), WebhookEventType.LINK_CREATED);
        WebhookEndpoint rotated = new WebhookEndpoint(original.workspaceId(), original.endpointId(), original.url(), original.events(),
                null, dev.shortstack.shared.webhooks.WebhookSigner.newSecret(), original.secret(), T0.plusSeconds(60),
                EndpointStatus.ACTIVE, null, null, null, T0, T0);
        store.replaceEndpoint(rotated, original.updatedAt());
        deliverer.deliver(pending(rotated, linkCreated("one", T0)), 1);
        clock.advance(Duration.ofSeconds(61));
        deliverer.deliver(pending(rotated, linkCreated("two", clock.instant())), 1);

        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(0).signedWith(original.secret())).isTrue();
        assertThat(receiver.received().get(0).signedWith(rotated.secret())).isTrue();
        assertThat(receiver.received().get(1).signedWith(original.secret())).isFalse();
        assertThat(receiver.received().get(1).signedWith(rotated.secret())).isTrue();
    }

    @Test
    void aCopyOfTheMessageThatMeetsAHeldOrNotYetDueDeliveryComesBackInsteadOfBeingDeleted() {
        WebhookEndpoint endpoint = endpoint(store, "wh_a", receiver.url(), WebhookEventType.LINK_CREATED);
        WebhookEvent event = linkCreated("docs", T0);
        DeliveryMessage message = pending(endpoint, event);
        assertThat(store.lease("wh_a", event.id(), T0, T0.plus(WebhookDeliverer.LEASE))).as("another copy posting").isTrue();

        assertThat(deliverer.deliver(message, 2)).isEqualTo(DeliveryOutcome.retryAfter(WebhookDeliverer.LEASE));

        store.recordAttempt("wh_a", event.id(), new dev.shortstack.shared.webhooks.DeliveryAttempt(T0, 500, 5, "The endpoint answered 500"),
                DeliveryStatus.PENDING, T0.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(deliverer.deliver(message, 3)).as("early: it waits for the retry that is due")
                .isEqualTo(DeliveryOutcome.retryAfter(Duration.ofMinutes(9)));
        assertThat(receiver.received()).isEmpty();
    }
}
