package dev.shortstack.links.auth;

import java.time.Instant;

/** A stored API key: the secret itself is never kept, only its hash. */
public record ApiKey(
        String keyId,
        String secretHash,
        String workspaceId,
        Role role,
        String name,
        Instant createdAt,
        Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
