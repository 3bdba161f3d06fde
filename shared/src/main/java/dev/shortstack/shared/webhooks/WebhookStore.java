package dev.shortstack.shared.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Endpoints and their delivery log. */
public interface WebhookStore {

    /** Every endpoint of a workspace (a workspace has at most a few). */
    List<WebhookEndpoint> endpoints(String workspaceId);

    Optional<WebhookEndpoint> endpoint(String workspaceId, String endpointId);

    /** @return false if the id is taken */
    boolean createEndpoint(WebhookEndpoint endpoint);

    /** Replaces a stored endpoint that was last changed at {@code expectedUpdatedAt}. @return false if it is gone or changed since */
    boolean replaceEndpoint(WebhookEndpoint endpoint, Instant expectedUpdatedAt);

    /** @return false if there was no such endpoint */
    boolean deleteEndpoint(String workspaceId, String endpointId);

    /** Notes a failed attempt. @return since when the endpoint has been failing (this attempt, or an earlier one) */
    Instant noteFailure(String workspaceId, String endpointId, Instant at);

    /** Notes a successful attempt: the endpoint is not failing any more. */
    void noteSuccess(String workspaceId, String endpointId);

    /** Disables an active endpoint. @return false if it was not active (any more) */
    boolean disable(String workspaceId, String endpointId, Instant at, String reason);

    /** @return false if the endpoint has that delivery already */
    boolean createDelivery(WebhookDelivery delivery);

    Optional<WebhookDelivery> delivery(String endpointId, String deliveryId);

    /**
     * Takes the delivery for one attempt, so that two copies of its message never post it at the
     * same time: only a pending or failed delivery that nobody holds (or whose holder's time ran out).
     *
     * @return false if the delivery is settled or held
     */
    boolean lease(String endpointId, String deliveryId, Instant now, Instant until);

    /** Records an attempt and the delivery's new status, and lets go of the lease. */
    void recordAttempt(String endpointId, String deliveryId, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt);

    /** Settles a delivery that will not be attempted (its endpoint is disabled or gone). */
    void skip(String endpointId, String deliveryId, String reason, Instant at);

    /** The endpoint's deliveries, newest first, before the given id (exclusive) if any. */
    List<WebhookDelivery> deliveries(String endpointId, String beforeDeliveryId, int limit);
}
