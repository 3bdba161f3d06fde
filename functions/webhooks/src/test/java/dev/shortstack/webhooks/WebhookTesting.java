package dev.shortstack.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.testing.InMemoryWebhookStore;
import dev.shortstack.shared.webhooks.EndpointStatus;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookSigner;
import java.time.Instant;
import java.util.Set;

/** Endpoints and events for the webhook functions' tests. */
public final class WebhookTesting {
    public static final String WORKSPACE = "fixtures";
    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private WebhookTesting() {
    }

    public static WebhookEndpoint endpoint(InMemoryWebhookStore store, String id, String url, WebhookEventType... events) {
        WebhookEndpoint endpoint = new WebhookEndpoint(WORKSPACE, id, url, Set.of(events), null, WebhookSigner.newSecret(), null,
                null, EndpointStatus.ACTIVE, null, null, null, T0, T0);
        store.createEndpoint(endpoint);
        return endpoint;
    }

    public static WebhookEvent linkCreated(String slug, Instant at) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.putObject("link").put("slug", slug).put("url", "https://example.com/" + slug);
        return WebhookEvent.of(WebhookEventType.LINK_CREATED, WORKSPACE, at, data);
    }
}
