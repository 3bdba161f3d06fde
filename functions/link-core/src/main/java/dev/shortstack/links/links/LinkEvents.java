package dev.shortstack.links.links;

import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.webhooks.WebhookEventType;

/** Told of every link made, edited or deleted through the API (imports report once, when they finish). */
public interface LinkEvents {
    LinkEvents NONE = (type, link) -> {
    };

    /** @param link the link as it is now (for a deletion: as it was) */
    void changed(WebhookEventType type, Link link);
}
