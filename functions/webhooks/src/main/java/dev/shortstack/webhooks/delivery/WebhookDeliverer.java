package dev.shortstack.webhooks.delivery;

import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookSigner;
import dev.shortstack.shared.webhooks.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt of a delivery: signs it, posts it, records the attempt, and says when to try
 * again. An endpoint that has failed for {@code disableAfter} without a success is disabled, and
 * its waiting deliveries are skipped from then on.
 */
public final class WebhookDeliverer {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    /** Longer than one attempt can take, so a copy of the message never posts while another is still posting. */
    static final Duration LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DISABLE_AFTER = Duration.ofDays(1);

    private final WebhookStore store;
    private final WebhookHttp http;
    private final RetrySchedule retries;
    private final Duration disableAfter;
    private final Clock clock;

    public WebhookDeliverer(WebhookStore store, WebhookHttp http, RetrySchedule retries, Duration disableAfter, Clock clock) {
        this.store = store;
        this.http = http;
        this.retries = retries;
        this.disableAfter = disableAfter;
        this.clock = clock;
    }

    /**
     * @param attempt which receive of the message this is (1 for the first); the queue counts them
     */
    public DeliveryOutcome deliver(DeliveryMessage message, int attempt) {
        Instant now = clock.instant();
        Optional<WebhookDelivery> found = store.delivery(message.endpointId(), message.deliveryId());
        if (found.isEmpty()) {
            LOG.warn("Delivery {} of endpoint {} is not in the log (expired?); dropped", message.deliveryId(), message.endpointId());
            return DeliveryOutcome.DONE;
        }
        WebhookDelivery delivery = found.get();
        if (delivery.status() == DeliveryStatus.SUCCEEDED || delivery.status() == DeliveryStatus.SKIPPED) {
            return DeliveryOutcome.DONE;
        }
        Optional<WebhookEndpoint> endpoint = store.endpoint(message.workspaceId(), message.endpointId());
        if (endpoint.isEmpty() || !endpoint.get().isActive()) {
            store.skip(message.endpointId(), message.deliveryId(),
                    endpoint.isEmpty() ? "The endpoint was deleted" : "The endpoint is disabled", now);
            return DeliveryOutcome.DONE;
        }
        if (!store.lease(message.endpointId(), message.deliveryId(), now, now.plus(LEASE))) {
            return whenNotLeased(message, now);
        }
        DeliveryAttempt result = post(endpoint.get(), delivery, now);
        if (result.succeeded()) {
            store.recordAttempt(message.endpointId(), message.deliveryId(), result, DeliveryStatus.SUCCEEDED, null);
            // Read again after the post: a failure noted meanwhile by another delivery is cleared too. A read costs
            // a fifth of the conditional write that would otherwise be billed on every success.
            if (store.endpoint(message.workspaceId(), message.endpointId()).map(WebhookEndpoint::failingSince).isPresent()) {
                store.noteSuccess(message.workspaceId(), message.endpointId());
            }
            return DeliveryOutcome.DONE;
        }
        boolean last = retries.isLast(attempt);
        Duration wait = last ? Duration.ZERO : retries.delayAfter(attempt);
        store.recordAttempt(message.endpointId(), message.deliveryId(), result,
                last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, last ? null : result.at().plus(wait));
        Instant failingSince = store.noteFailure(message.workspaceId(), message.endpointId(), result.at());
        if (!Duration.between(failingSince, result.at()).minus(disableAfter).isNegative()) {
            String reason = "Every delivery since " + failingSince + " failed (the last: " + result.error() + ")";
            if (store.disable(message.workspaceId(), message.endpointId(), result.at(), reason)) {
                LOG.warn("Webhook endpoint {} of workspace {} disabled: {}", message.endpointId(), message.workspaceId(), reason);
            }
        }
        return DeliveryOutcome.retryAfter(wait);
    }

    /**
     * Another copy of this message holds the delivery, or its next attempt is not due: this copy is
     * not deleted (the other one's receipt may be the stale one), but comes back when it could be
     * the one to go on. A settled delivery's message is done with.
     */
    private DeliveryOutcome whenNotLeased(DeliveryMessage message, Instant now) {
        Optional<WebhookDelivery> current = store.delivery(message.endpointId(), message.deliveryId());
        if (current.isEmpty() || current.get().status() != DeliveryStatus.PENDING) {
            return DeliveryOutcome.DONE;
        }
        Instant due = current.get().nextAttemptAt() == null ? now : current.get().nextAttemptAt();
        Duration wait = Duration.between(now, due);
        return DeliveryOutcome.retryAfter(wait.compareTo(LEASE) > 0 ? wait : LEASE);
    }

    private DeliveryAttempt post(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
        long timestamp = now.getEpochSecond();
        // The delivery's id, not the event's: a receiver tells a manual redelivery from a retry by it.
        String signature = WebhookSigner.signatureHeader(endpoint.signingSecrets(now), delivery.deliveryId(), timestamp,
                delivery.payload());
        return http.post(endpoint.url(), Map.of(
                WebhookSigner.ID_HEADER, delivery.deliveryId(),
                WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSigner.SIGNATURE_HEADER, signature,
                "x-shortstack-event", delivery.eventType().wireName()), delivery.payload());
    }
}
