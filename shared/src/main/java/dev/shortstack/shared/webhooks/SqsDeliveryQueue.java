package dev.shortstack.shared.webhooks;

import dev.shortstack.shared.sqs.SqsBatches;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The deliveries queue. */
public final class SqsDeliveryQueue implements DeliveryQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeliveryQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<DeliveryMessage> messages) {
        SqsBatches.send(sqs, queueUrl, messages.stream().map(DeliveryMessage::toJson).toList());
    }
}
