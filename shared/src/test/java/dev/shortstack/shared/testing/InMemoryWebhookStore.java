package dev.shortstack.shared.testing;

import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.EndpointStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The webhook store's contract in memory, for unit tests of the services that use it. */
public final class InMemoryWebhookStore implements WebhookStore {
    private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, WebhookDelivery> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Instant> leases = new ConcurrentHashMap<>();

    private static String key(String a, String b) {
        return a + "|" + b;
    }

    @Override
    public List<WebhookEndpoint> endpoints(String workspaceId) {
        return endpoints.values().stream().filter(e -> e.workspaceId().equals(workspaceId)).toList();
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(String workspaceId, String endpointId) {
        return Optional.ofNullable(endpoints.get(key(workspaceId, endpointId)));
    }

    @Override
    public boolean createEndpoint(WebhookEndpoint endpoint) {
        return endpoints.putIfAbsent(key(endpoint.workspaceId(), endpoint.endpointId()), endpoint) == null;
    }

    @Override
    public synchronized boolean replaceEndpoint(WebhookEndpoint endpoint, Instant expectedUpdatedAt) {
        WebhookEndpoint current = endpoints.get(key(endpoint.workspaceId(), endpoint.endpointId()));
        if (current == null || !current.updatedAt().equals(expectedUpdatedAt)) {
            return false;
        }
        endpoints.put(key(endpoint.workspaceId(), endpoint.endpointId()), endpoint);
        return true;
    }

    @Override
    public boolean deleteEndpoint(String workspaceId, String endpointId) {
        return endpoints.remove(key(workspaceId, endpointId)) != null;
    }

    @Override
    public synchronized Instant noteFailure(String workspaceId, String endpointId, Instant at) {
        WebhookEndpoint e = endpoints.get(key(workspaceId, endpointId));
        if (e == null) {
            return at;
        }
        if (e.failingSince() == null) {
            endpoints.put(key(workspaceId, endpointId), with(e, e.status(), at, e.disabledAt(), e.disabledReason()));
            return at;
        }
        return e.failingSince();
    }

    @Override
    public synchronized void noteSuccess(String workspaceId, String endpointId) {
        WebhookEndpoint e = endpoints.get(key(workspaceId, endpointId));
        if (e != null) {
            endpoints.put(key(workspaceId, endpointId), with(e, e.status(), null, e.disabledAt(), e.disabledReason()));
        }
    }

    @Override
    public synchronized boolean disable(String workspaceId, String endpointId, Instant at, String reason) {
        WebhookEndpoint e = endpoints.get(key(workspaceId, endpointId));
        if (e == null || !e.isActive()) {
            return false;
        }
        endpoints.put(key(workspaceId, endpointId), with(e, EndpointStatus.DISABLED, e.failingSince(), at, reason));
        return true;
    }

    private static WebhookEndpoint with(WebhookEndpoint e, EndpointStatus status, Instant failingSince, Instant disabledAt,
                                        String reason) {
        return new WebhookEndpoint(e.workspaceId(), e.endpointId(), e.url(), e.events(), e.description(), e.secret(),
                e.previousSecret(), e.previousSecretExpiresAt(), status, failingSince, disabledAt, reason, e.createdAt(),
                disabledAt != null && status == EndpointStatus.DISABLED ? disabledAt : e.updatedAt());
    }

    @Override
    public boolean createDelivery(WebhookDelivery delivery) {
        return deliveries.putIfAbsent(key(delivery.endpointId(), delivery.deliveryId()), delivery) == null;
    }

    @Override
    public Optional<WebhookDelivery> delivery(String endpointId, String deliveryId) {
        return Optional.ofNullable(deliveries.get(key(endpointId, deliveryId)));
    }

    @Override
    public synchronized boolean lease(String endpointId, String deliveryId, Instant now, Instant until) {
        WebhookDelivery d = deliveries.get(key(endpointId, deliveryId));
        if (d == null || (d.status() != DeliveryStatus.PENDING && d.status() != DeliveryStatus.FAILED)) {
            return false;
        }
        Instant held = leases.get(key(endpointId, deliveryId));
        if (held != null && !held.isBefore(now)) {
            return false;
        }
        if (d.nextAttemptAt() != null && d.nextAttemptAt().isAfter(now)) {
            return false;
        }
        leases.put(key(endpointId, deliveryId), until);
        return true;
    }

    @Override
    public synchronized void recordAttempt(String endpointId, String deliveryId, DeliveryAttempt attempt, DeliveryStatus status,
                                           Instant nextAttemptAt) {
        WebhookDelivery d = deliveries.get(key(endpointId, deliveryId));
        List<DeliveryAttempt> log = new ArrayList<>(d.attemptLog());
        log.add(attempt);
        deliveries.put(key(endpointId, deliveryId), new WebhookDelivery(d.workspaceId(), d.endpointId(), d.deliveryId(),
                d.eventId(), d.eventType(), d.payload(), status, log, nextAttemptAt, d.createdAt(), d.redeliveryOf()));
        leases.remove(key(endpointId, deliveryId));
    }

    @Override
    public void skip(String endpointId, String deliveryId, String reason, Instant at) {
        recordAttempt(endpointId, deliveryId, new DeliveryAttempt(at, null, 0, reason), DeliveryStatus.SKIPPED, null);
    }

    @Override
    public List<WebhookDelivery> deliveries(String endpointId, String beforeDeliveryId, int limit) {
        return deliveries.values().stream()
                .filter(d -> d.endpointId().equals(endpointId))
                .filter(d -> beforeDeliveryId == null || d.deliveryId().compareTo(beforeDeliveryId) < 0)
                .sorted(Comparator.comparing(WebhookDelivery::deliveryId).reversed())
                .limit(limit)
                .toList();
    }
}
