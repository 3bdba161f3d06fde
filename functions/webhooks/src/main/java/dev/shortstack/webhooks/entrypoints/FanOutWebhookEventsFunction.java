package dev.shortstack.webhooks.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsBatchFunction;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.webhooks.fanout.WebhookFanOut;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Triggered by the webhook events queue: each event becomes a delivery per subscribed endpoint. */
public final class FanOutWebhookEventsFunction extends SqsBatchFunction {
    private static final Logger LOG = LoggerFactory.getLogger(FanOutWebhookEventsFunction.class);
    private final WebhookFanOut fanOut;

    public FanOutWebhookEventsFunction() {
        this(WebhooksDependencies.fromEnv(Env.system()));
    }

    public FanOutWebhookEventsFunction(WebhooksDependencies deps) {
        super(new Observability("webhook-fanout"));
        this.fanOut = deps.fanOut();
    }

    @Override
    protected Set<String> process(List<SqsRecord> records, Context context) {
        Set<String> failed = new HashSet<>();
        int queued = 0;
        for (SqsRecord record : records) {
            try {
                queued += fanOut.fanOut(WebhookEvent.fromJson(record.body()));
            } catch (RuntimeException e) {
                LOG.error("Webhook event {} failed (receive {}); it will come back", record.messageId(), record.receiveCount(), e);
                failed.add(record.messageId());
            }
        }
        observability().count("WebhookDeliveriesQueued", queued);
        return failed;
    }
}
