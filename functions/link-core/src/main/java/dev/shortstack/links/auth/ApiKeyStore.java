package dev.shortstack.links.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyStore {
    Optional<ApiKey> find(String keyId);

    /** @return false if a key with that id already exists */
    boolean create(ApiKey key);

    /** Up to {@code limit} keys of a workspace, newest first, created before the position given (null: from the newest). */
    List<ApiKey> listByWorkspace(String workspaceId, String beforeCreatedKey, int limit);

    /** Marks the key revoked if it belongs to the workspace and is not revoked yet. */
    void revoke(String keyId, String workspaceId, Instant at);

    /** Notes that the key authenticated a request at that time. */
    void touch(String keyId, Instant at);
}
