package dev.shortstack.links.webhooks;

import dev.shortstack.links.auth.Caller;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.paging.PageRequest;
import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.shared.webhooks.DeliveryQueue;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.EndpointStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookSigner;
import dev.shortstack.shared.webhooks.WebhookStore;
import dev.shortstack.shared.webhooks.WebhookSubscriptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A workspace's webhook endpoints: adding, editing, removing, rotating secrets, and their delivery log. */
public final class WebhookService {
    public static final int MAX_ENDPOINTS = 10;
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final DeliveryQueue deliveries;
    private final WebhookSubscriptions subscriptions;
    private final Clock clock;

    public WebhookService(WebhookStore store, DeliveryQueue deliveries, WebhookSubscriptions subscriptions, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public NewWebhookEndpoint create(Caller caller, WebhookRequests.NewEndpoint request) {
        if (store.endpoints(caller.workspaceId()).size() >= MAX_ENDPOINTS) {
            throw new ApiProblem(ProblemType.LIMIT_REACHED, "A workspace has at most " + MAX_ENDPOINTS
                    + " webhook endpoints; delete one first.");
        }
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(caller.workspaceId(), newId(), request.url(), request.events(),
                request.description(), secret, null, null, EndpointStatus.ACTIVE, null, null, null, now, now);
        if (!store.createEndpoint(endpoint)) {
            throw new IllegalStateException("Endpoint id collision");
        }
        subscriptions.forget(caller.workspaceId());
        return new NewWebhookEndpoint(endpoint, secret);
    }

    /** Every endpoint of the workspace, oldest first. */
    public List<WebhookEndpoint> list(Caller caller) {
        return store.endpoints(caller.workspaceId()).stream().sorted(Comparator.comparing(WebhookEndpoint::createdAt)).toList();
    }

    public WebhookEndpoint get(Caller caller, String endpointId) {
        return store.endpoint(caller.workspaceId(), endpointId).orElseThrow(() -> notFound(endpointId));
    }

    /** Re-enabling an endpoint starts its failure clock afresh; disabling keeps what it had. */
    public WebhookEndpoint update(Caller caller, String endpointId, WebhookRequests.EndpointPatch patch) {
        WebhookEndpoint current = get(caller, endpointId);
        Instant now = clock.instant();
        EndpointStatus status = patch.enabled() == null ? current.status()
                : patch.enabled() ? EndpointStatus.ACTIVE : EndpointStatus.DISABLED;
        boolean reenabled = status == EndpointStatus.ACTIVE && !current.isActive();
        boolean disabledNow = status == EndpointStatus.DISABLED && current.isActive();
        WebhookEndpoint updated = new WebhookEndpoint(current.workspaceId(), current.endpointId(),
                patch.url() == null ? current.url() : patch.url(),
                patch.events() == null ? current.events() : patch.events(),
                patch.clearDescription() ? null : patch.description() == null ? current.description() : patch.description(),
                current.secret(), current.previousSecret(), current.previousSecretExpiresAt(), status,
                reenabled ? null : current.failingSince(),
                reenabled ? null : disabledNow ? now : current.disabledAt(),
                reenabled ? null : disabledNow ? "Disabled with API key " + caller.keyId() : current.disabledReason(),
                current.createdAt(), now);
        replace(current, updated);
        subscriptions.forget(caller.workspaceId());
        return updated;
    }

    public void delete(Caller caller, String endpointId) {
        if (!store.deleteEndpoint(caller.workspaceId(), endpointId)) {
            throw notFound(endpointId);
        }
        subscriptions.forget(caller.workspaceId());
    }

    /** A new secret; the one it replaces still signs (alongside) for {@code keepPrevious}, so receivers can switch over. */
    public NewWebhookEndpoint rotateSecret(Caller caller, String endpointId, Duration keepPrevious) {
        WebhookEndpoint current = get(caller, endpointId);
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        boolean keep = !keepPrevious.isZero();
        WebhookEndpoint rotated = new WebhookEndpoint(current.workspaceId(), current.endpointId(), current.url(), current.events(),
                current.description(), secret, keep ? current.secret() : null, keep ? now.plus(keepPrevious) : null,
                current.status(), current.failingSince(), current.disabledAt(), current.disabledReason(), current.createdAt(), now);
        replace(current, rotated);
        return new NewWebhookEndpoint(rotated, secret);
    }

    /** The endpoint's deliveries, newest first; the cursor is the last delivery of the page. */
    public Page<WebhookDelivery> deliveries(Caller caller, String endpointId, PageRequest page) {
        get(caller, endpointId);
        String filter = "webhook:" + endpointId;
        List<WebhookDelivery> fetched = store.deliveries(endpointId, page.after(filter), page.limit() + 1);
        return Page.cut(fetched, page.limit(), WebhookDelivery::deliveryId, filter);
    }

    /** Sends a delivery's event again as a new delivery (whatever became of the first), now. */
    public WebhookDelivery redeliver(Caller caller, String endpointId, String deliveryId) {
        WebhookEndpoint endpoint = get(caller, endpointId);
        if (!endpoint.isActive()) {
            throw new ApiProblem(ProblemType.ENDPOINT_DISABLED, "The endpoint is disabled; enable it first (PATCH {\"enabled\": true}).");
        }
        WebhookDelivery original = store.delivery(endpointId, deliveryId)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No delivery '" + deliveryId + "' of this endpoint."));
        Instant now = clock.instant();
        String root = original.redeliveryOf() == null ? original.deliveryId() : original.redeliveryOf();
        WebhookDelivery copy = new WebhookDelivery(original.workspaceId(), endpointId,
                root + "_r" + Long.toString(now.toEpochMilli(), 36), original.eventId(), original.eventType(), original.payload(),
                DeliveryStatus.PENDING, List.of(), now, now, root);
        if (!store.createDelivery(copy)) {
            throw new ApiProblem(ProblemType.EDIT_CONFLICT, "That delivery was just redelivered; wait a moment.");
        }
        try {
            deliveries.send(List.of(DeliveryMessage.of(copy)));
        } catch (RuntimeException e) {
            // Not left pending for ever: the log says it never went out, and the client may ask again.
            store.skip(endpointId, copy.deliveryId(), "Could not be queued: " + e.getMessage(), clock.instant());
            throw e;
        }
        return copy;
    }

    /** Only over the endpoint as it was read: a change made meanwhile (a rotation, the auto-disable) is not undone. */
    private void replace(WebhookEndpoint read, WebhookEndpoint replacement) {
        if (!store.replaceEndpoint(replacement, read.updatedAt())) {
            if (store.endpoint(read.workspaceId(), read.endpointId()).isEmpty()) {
                throw notFound(read.endpointId());
            }
            throw new ApiProblem(ProblemType.EDIT_CONFLICT, "The endpoint changed while this request was made; read it again.");
        }
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("wh_");
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static ApiProblem notFound(String endpointId) {
        return new ApiProblem(ProblemType.NOT_FOUND, "No webhook endpoint '" + endpointId + "' in this workspace.");
    }
}
