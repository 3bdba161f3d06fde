package dev.shortstack.shared.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A URL a workspace receives events at, signed with its secret (and, for a while after a
 * rotation, the previous one too, so receivers can switch without missing a delivery).
 *
 * @param failingSince the first failed attempt since the last success; null while deliveries succeed
 */
public record WebhookEndpoint(
        String workspaceId,
        String endpointId,
        String url,
        Set<WebhookEventType> events,
        String description,
        String secret,
        String previousSecret,
        Instant previousSecretExpiresAt,
        EndpointStatus status,
        Instant failingSince,
        Instant disabledAt,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookEndpoint {
        events = Set.copyOf(events);
    }

    public boolean isActive() {
        return status == EndpointStatus.ACTIVE;
    }

    public boolean subscribes(WebhookEventType type) {
        return isActive() && events.contains(type);
    }

    /** The secrets a delivery made now is signed with: the current one, then the previous one until it expires. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
