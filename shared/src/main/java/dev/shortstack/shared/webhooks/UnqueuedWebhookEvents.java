package dev.shortstack.shared.webhooks;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events whose producer's own work stands although the events queue refused them: each is logged
 * whole, marked {@code "replay":"webhook"}, so an operator can find and raise it again.
 */
public final class UnqueuedWebhookEvents {
    private static final Logger LOG = LoggerFactory.getLogger(UnqueuedWebhookEvents.class);

    private UnqueuedWebhookEvents() {
    }

    /** Raises the events; a refusal is logged, not thrown. @return whether they were queued */
    public static boolean raiseOrLog(WebhookEvents events, List<WebhookEvent> raised) {
        try {
            events.raise(raised);
            return true;
        } catch (RuntimeException e) {
            raised.forEach(event -> LOG.error("{\"replay\":\"webhook\",\"event\":{}} could not be queued: {}", event.toJson(),
                    e.getMessage()));
            return false;
        }
    }
}
