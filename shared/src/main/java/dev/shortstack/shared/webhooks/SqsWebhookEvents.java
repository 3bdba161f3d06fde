package dev.shortstack.shared.webhooks;

import dev.shortstack.shared.sqs.SqsBatches;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Puts events on the webhook events queue for the fan-out. A refused send throws: the caller
 * decides whether its own work (an archived batch of clicks) is retried with it.
 */
public final class SqsWebhookEvents implements WebhookEvents {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsWebhookEvents(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void raise(List<WebhookEvent> events) {
        SqsBatches.send(sqs, queueUrl, events.stream().map(WebhookEvent::toJson).toList());
    }
}
