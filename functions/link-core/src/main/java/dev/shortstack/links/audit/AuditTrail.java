package dev.shortstack.links.audit;

import dev.shortstack.links.auth.Caller;
import dev.shortstack.shared.http.ClientAddress;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.paging.PageRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes what a key did (after it was done) with who, when and from where, and reads the log back
 * for admins. A note the log refuses does not undo what was done: it is logged whole, marked
 * {@code "audit":"unrecorded"}, for the operator to find.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final String CURSOR_FILTER = "audit";
    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(Caller caller, HttpApiRequest request, String action, String target, Map<String, String> details) {
        AuditEntry entry = new AuditEntry(caller.workspaceId(), clock.instant(), caller.keyId(), action, target, details,
                ClientAddress.of(request), null);
        try {
            log.record(entry);
        } catch (RuntimeException e) {
            LOG.error("{\"audit\":\"unrecorded\",\"entry\":\"{}\"} could not be written: {}", entry, e.getMessage());
        }
    }

    /**
     * A URL as the log keeps it: scheme and host, and the rest as a short hash. Webhook URLs often
     * carry a token in their path or query (chat hooks, {@code ?token=}); the log must not keep one
     * readable for its whole retention, yet tell two URLs of one host apart.
     */
    public static String redactedUrl(String url) {
        URI uri = URI.create(url);
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rest.getBytes(StandardCharsets.UTF_8));
            return uri.getScheme() + "://" + uri.getRawAuthority() + "/…#" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's workspace's entries, newest first. */
    public Page<AuditEntry> list(Caller caller, PageRequest page) {
        List<AuditEntry> fetched = log.list(caller.workspaceId(), page.after(CURSOR_FILTER), page.limit() + 1);
        return Page.cut(fetched, page.limit(), AuditEntry::position, CURSOR_FILTER);
    }
}
