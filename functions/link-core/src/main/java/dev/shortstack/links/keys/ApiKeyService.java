package dev.shortstack.links.keys;

import dev.shortstack.links.auth.ApiKey;
import dev.shortstack.links.auth.ApiKeySecrets;
import dev.shortstack.links.auth.ApiKeyStore;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.link.LinkItems;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Creating, listing and revoking a workspace's API keys. */
public final class ApiKeyService {
    private static final Pattern WORKSPACE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private final ApiKeyStore store;
    private final Clock clock;

    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Issues a key in the caller's workspace. */
    public NewApiKey create(Caller caller, KeyRequestParser.KeyRequest request) {
        return issue(caller.workspaceId(), request.role(), request.name(), request.expiresAt());
    }

    /** Issues a key in any workspace: for bootstrapping a deployment and the local runner. */
    public NewApiKey issue(String workspaceId, Role role, String name) {
        return issue(workspaceId, role, name, null);
    }

    private NewApiKey issue(String workspaceId, Role role, String name, Instant expiresAt) {
        requireWorkspaceId(workspaceId);
        for (int attempt = 0; attempt < 3; attempt++) {
            String plaintext = ApiKeySecrets.generate();
            ApiKey stored = stored(plaintext, workspaceId, role, name);
            ApiKey key = new ApiKey(stored.keyId(), stored.secretHash(), workspaceId, role, name, stored.createdAt(), null,
                    expiresAt, null);
            if (store.create(key)) {
                return new NewApiKey(key, plaintext);
            }
        }
        throw new IllegalStateException("Key id collisions three times in a row");
    }

    /**
     * Stores a key whose plaintext the operator chose (the local runner's {@code --admin-key}).
     * Idempotent: a key already stored with the same secret is left as it is.
     *
     * @return false if the key id is taken by a different secret
     */
    public boolean importKey(String plaintext, String workspaceId, Role role, String name) {
        requireWorkspaceId(workspaceId);
        String keyId = ApiKeySecrets.keyIdOf(plaintext).orElseThrow(() -> new IllegalArgumentException(
                "An API key has the form ssk_<12 of a-z2-7>_<32 of A-Za-z0-9>"));
        if (store.create(stored(plaintext, workspaceId, role, name))) {
            return true;
        }
        return store.find(keyId).map(existing -> ApiKeySecrets.matches(plaintext, existing.secretHash())).orElse(false);
    }

    /** Every key of the workspace, newest first (operators' listings: a workspace has few). */
    public List<ApiKey> all(Caller caller) {
        return Page.walk(PageRequest.MAX_LIMIT, 100_000, page -> list(caller, page));
    }

    /** A page of the workspace's keys, newest first. */
    public Page<ApiKey> list(Caller caller, PageRequest page) {
        List<ApiKey> fetched = store.listByWorkspace(caller.workspaceId(), page.after(null), page.limit() + 1);
        return Page.cut(fetched, page.limit(), key -> LinkItems.createdKey(key.createdAt(), key.keyId()), null);
    }

    public void revoke(Caller caller, String keyId) {
        if (keyId.equals(caller.keyId())) {
            throw new ApiProblem(ProblemType.SELF_REVOCATION,
                    "This request is authenticated with that key; revoke it with another admin key.");
        }
        ApiKey key = store.find(keyId)
                .filter(k -> k.workspaceId().equals(caller.workspaceId()))
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No API key '" + keyId + "' in this workspace."));
        if (!key.isRevoked()) {
            store.revoke(keyId, caller.workspaceId(), clock.instant());
        }
    }

    private ApiKey stored(String plaintext, String workspaceId, Role role, String name) {
        return new ApiKey(ApiKeySecrets.keyIdOf(plaintext).orElseThrow(), ApiKeySecrets.hash(plaintext),
                workspaceId, role, name, clock.instant(), null);
    }

    private static void requireWorkspaceId(String workspaceId) {
        if (!WORKSPACE_ID.matcher(workspaceId).matches()) {
            throw new IllegalArgumentException("A workspace id is 2-63 of a-z, 0-9 and '-', starting with a letter or digit");
        }
    }
}
