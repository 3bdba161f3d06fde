package dev.shortstack.links.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.links.LinkEvents;
import dev.shortstack.links.links.LinkView;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.webhooks.UnqueuedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Link changes as webhook events, {@code data: {link: ...}} in the API's own shape. The change is
 * made before the event is raised; if the events queue refuses it, the change stands (the client
 * was answered) and the event is logged whole, marked {@code "replay":"webhook"}, to be re-raised.
 */
public final class WebhookLinkEvents implements LinkEvents {
    private final WebhookEvents events;
    private final LinkView view;
    private final Clock clock;

    public WebhookLinkEvents(WebhookEvents events, LinkView view, Clock clock) {
        this.events = events;
        this.view = view;
        this.clock = clock;
    }

    @Override
    public void changed(WebhookEventType type, Link link) {
        Instant now = clock.instant();
        ObjectNode data = Json.mapper().createObjectNode();
        data.set("link", view.of(link, now, OptionalLong.empty()));
        UnqueuedWebhookEvents.raiseOrLog(events, List.of(WebhookEvent.of(type, link.workspaceId(), now, data)));
    }
}
