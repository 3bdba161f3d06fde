package dev.shortstack.webhooks.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortstack.shared.concurrent.DaemonPool;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsBatchFunction;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.shared.webhooks.DeliveryMessage;
import dev.shortstack.webhooks.delivery.DeliveryOutcome;
import dev.shortstack.webhooks.delivery.RetryWait;
import dev.shortstack.webhooks.delivery.WebhookDeliverer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Triggered by the deliveries queue: one attempt per message, the batch's posts in parallel (each
 * waits on a remote server). A failed attempt's message stays on the queue, hidden for the retry's
 * backoff by its visibility timeout; the queue counts the attempts and, after the last, moves it
 * to the dead-letter queue.
 */
public final class DeliverWebhooksFunction extends SqsBatchFunction {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverWebhooksFunction.class);
    private static final ExecutorService POSTS = DaemonPool.fixed("webhook-post", 10);

    private final WebhookDeliverer deliverer;
    private final RetryWait retryWait;

    public DeliverWebhooksFunction() {
        this(WebhooksDependencies.fromEnv(Env.system()));
    }

    public DeliverWebhooksFunction(WebhooksDependencies deps) {
        super(new Observability("webhook-deliverer"));
        this.deliverer = deps.deliverer();
        this.retryWait = deps.retryWait();
    }

    @Override
    protected Set<String> process(List<SqsRecord> records, Context context) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> posts = new ArrayList<>();
        for (SqsRecord record : records) {
            posts.add(CompletableFuture.runAsync(() -> {
                if (!attempt(record)) {
                    failed.add(record.messageId());
                }
            }, POSTS));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
        observability().count("WebhookAttemptsFailed", failed.size());
        return failed;
    }

    /** @return whether the message is done with */
    private boolean attempt(SqsRecord record) {
        try {
            DeliveryOutcome outcome = deliverer.deliver(DeliveryMessage.fromJson(record.body()), record.receiveCount());
            if (!outcome.done()) {
                hideFor(record, (int) outcome.retryAfter().toSeconds());
            }
            return outcome.done();
        } catch (RuntimeException e) {
            LOG.error("Webhook delivery message {} failed (receive {}); it comes back after the visibility timeout",
                    record.messageId(), record.receiveCount(), e);
            return false;
        }
    }

    /** The retry's wait: the message stays invisible that long. Without it, it comes back after the queue's own timeout. */
    private void hideFor(SqsRecord record, int seconds) {
        if (record.receiptHandle() == null) {
            return;
        }
        try {
            retryWait.hide(record.receiptHandle(), seconds);
        } catch (SdkException e) {
            LOG.warn("Could not set the retry wait of message {}: {}", record.messageId(), e.getMessage());
        }
    }
}
