package dev.shortstack.links.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing an API key did that an admin may need to account for later. Never a secret: a key's
 * plaintext and a webhook's signing secret are not details.
 *
 * @param position where the entry sits in the workspace's log (time-ordered); null until stored
 * @param client   the address the request came from
 */
public record AuditEntry(String workspaceId, Instant at, String keyId, String action, String target, Map<String, String> details,
                         String client, String position) {

    public AuditEntry {
        details = Map.copyOf(details);
    }
}
