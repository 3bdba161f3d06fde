package dev.shortstack.links.webhooks;

import dev.shortstack.shared.webhooks.WebhookEndpoint;

/** An endpoint just made or just given a new secret: the only time its secret is shown. */
public record NewWebhookEndpoint(WebhookEndpoint endpoint, String secret) {
}
