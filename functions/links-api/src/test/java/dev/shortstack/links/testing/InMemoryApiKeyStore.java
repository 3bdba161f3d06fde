package dev.shortstack.links.testing;

import dev.shortstack.links.auth.ApiKey;
import dev.shortstack.links.auth.ApiKeyStore;
import java.time.Instant;
import dev.shortstack.shared.link.LinkItems;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<ApiKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public boolean create(ApiKey key) {
        return keys.putIfAbsent(key.keyId(), key) == null;
    }

    @Override
    public List<ApiKey> listByWorkspace(String workspaceId, String beforeCreatedKey, int limit) {
        return keys.values().stream()
                .filter(k -> k.workspaceId().equals(workspaceId))
                .filter(k -> beforeCreatedKey == null || LinkItems.createdKey(k.createdAt(), k.keyId()).compareTo(beforeCreatedKey) < 0)
                .sorted(Comparator.comparing((ApiKey k) -> LinkItems.createdKey(k.createdAt(), k.keyId())).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void revoke(String keyId, String workspaceId, Instant at) {
        keys.computeIfPresent(keyId, (id, k) -> k.workspaceId().equals(workspaceId) && k.revokedAt() == null
                ? new ApiKey(k.keyId(), k.secretHash(), k.workspaceId(), k.role(), k.name(), k.createdAt(), at, k.expiresAt(),
                        k.lastUsedAt())
                : k);
    }

    @Override
    public void touch(String keyId, Instant at) {
        keys.computeIfPresent(keyId, (id, k) -> new ApiKey(k.keyId(), k.secretHash(), k.workspaceId(), k.role(), k.name(),
                k.createdAt(), k.revokedAt(), k.expiresAt(), at));
    }
}
