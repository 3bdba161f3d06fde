package dev.shortstack.links.auth;

import java.time.Instant;

/**
 * A stored API key: the secret itself is never kept, only its hash.
 *
 * @param expiresAt  when it stops working by itself; null: never
 * @param lastUsedAt when it last authenticated a request (kept to the minute); null: never
 */
public record ApiKey(
        String keyId,
        String secretHash,
        String workspaceId,
        Role role,
        String name,
        Instant createdAt,
        Instant revokedAt,
        Instant expiresAt,
        Instant lastUsedAt) {

    public ApiKey(String keyId, String secretHash, String workspaceId, Role role, String name, Instant createdAt, Instant revokedAt) {
        this(keyId, secretHash, workspaceId, role, name, createdAt, revokedAt, null, null);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
