package dev.shortstack.shared.webhooks;

import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import java.time.Duration;
import java.util.List;

/** Passes on only the events some active endpoint of their workspace subscribes to. */
public final class SubscribedWebhookEvents implements WebhookEvents {
    private final WebhookSubscriptions subscriptions;
    private final WebhookEvents next;

    public SubscribedWebhookEvents(WebhookSubscriptions subscriptions, WebhookEvents next) {
        this.subscriptions = subscriptions;
        this.next = next;
    }

    /**
     * The events queue behind this environment's view of the subscriptions: a workspace without a
     * subscriber costs its producer a lookup (cached for {@code cacheFor}) and no queue request.
     */
    public static WebhookEvents fromEnv(Env env, AwsClients aws, Duration cacheFor) {
        env.requireAll(EnvNames.WEBHOOKS_TABLE, EnvNames.WEBHOOK_EVENTS_QUEUE_URL);
        return new SubscribedWebhookEvents(
                new WebhookSubscriptions(new DynamoWebhookStore(aws.dynamo(), env.require(EnvNames.WEBHOOKS_TABLE)), cacheFor),
                new SqsWebhookEvents(aws.sqs(), env.require(EnvNames.WEBHOOK_EVENTS_QUEUE_URL)));
    }

    /** When the subscriptions cannot be read, yes: the event is built and raised, and a refusal is logged whole. */
    @Override
    public boolean wants(String workspaceId, WebhookEventType type) {
        try {
            return subscriptions.wants(workspaceId, type);
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    @Override
    public void raise(List<WebhookEvent> events) {
        List<WebhookEvent> wanted = events.stream().filter(e -> subscriptions.wants(e.workspaceId(), e.type())).toList();
        if (!wanted.isEmpty()) {
            next.raise(wanted);
        }
    }
}
