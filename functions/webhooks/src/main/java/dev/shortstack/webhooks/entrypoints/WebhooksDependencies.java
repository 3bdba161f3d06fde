package dev.shortstack.webhooks.entrypoints;

import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.webhooks.DeliveryQueue;
import dev.shortstack.shared.webhooks.DynamoWebhookStore;
import dev.shortstack.shared.webhooks.SqsDeliveryQueue;
import dev.shortstack.shared.webhooks.WebhookStore;
import dev.shortstack.shared.webhooks.WebhookTargets;
import dev.shortstack.webhooks.delivery.RetrySchedule;
import dev.shortstack.webhooks.delivery.RetryWait;
import dev.shortstack.webhooks.delivery.SqsRetryWait;
import dev.shortstack.webhooks.delivery.WebhookDeliverer;
import dev.shortstack.webhooks.delivery.WebhookHttp;
import dev.shortstack.webhooks.fanout.WebhookFanOut;
import java.time.Clock;
import java.time.Duration;

/** What the two webhook functions are built from; tests swap in their own store, queue or clock. */
public record WebhooksDependencies(WebhookStore store, DeliveryQueue deliveries, RetryWait retryWait,
                                   WebhookTargets targets, RetrySchedule retries, Duration disableAfter, Clock clock) {

    public WebhookFanOut fanOut() {
        return new WebhookFanOut(store, deliveries, clock);
    }

    public WebhookDeliverer deliverer() {
        return new WebhookDeliverer(store, new WebhookHttp(targets, clock), retries, disableAfter, clock);
    }

    public static WebhooksDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.WEBHOOKS_TABLE, EnvNames.WEBHOOK_DELIVERIES_QUEUE_URL);
        AwsClients aws = AwsClients.fromEnv(env);
        String deliveriesUrl = env.require(EnvNames.WEBHOOK_DELIVERIES_QUEUE_URL);
        RetrySchedule retries = new RetrySchedule(
                Duration.ofSeconds(env.getLong(EnvNames.WEBHOOK_RETRY_BASE_SECONDS, RetrySchedule.DEFAULT_BASE.toSeconds(), 1, 3600)),
                Duration.ofSeconds(env.getLong(EnvNames.WEBHOOK_RETRY_MAX_SECONDS, RetrySchedule.DEFAULT_MAX.toSeconds(), 1, 42_900)),
                ShortstackResources.WEBHOOK_DELIVERIES.maxReceiveCount());
        return new WebhooksDependencies(
                new DynamoWebhookStore(aws.dynamo(), env.require(EnvNames.WEBHOOKS_TABLE)),
                new SqsDeliveryQueue(aws.sqs(), deliveriesUrl),
                new SqsRetryWait(aws.sqs(), deliveriesUrl),
                WebhookTargets.fromEnv(env),
                retries,
                Duration.ofSeconds(env.getLong(EnvNames.WEBHOOK_DISABLE_AFTER_SECONDS,
                        WebhookDeliverer.DEFAULT_DISABLE_AFTER.toSeconds(), 1, 30L * 24 * 3600)),
                Clock.systemUTC());
    }
}
