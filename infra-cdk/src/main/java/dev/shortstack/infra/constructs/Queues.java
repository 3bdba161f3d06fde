package dev.shortstack.infra.constructs;

import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.infra.ShortstackResources;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** Every queue of {@link ShortstackResources#QUEUES}, each with its dead-letter queue; SSE and TLS only. */
public final class Queues extends Construct {
    private static final Duration DLQ_RETENTION = Duration.days(14);
    private final Map<QueueDefinition, Queue> queues = new LinkedHashMap<>();
    private final Map<QueueDefinition, Queue> deadLetterQueues = new LinkedHashMap<>();

    public Queues(Construct scope, String id, String stage) {
        super(scope, id);
        for (QueueDefinition definition : ShortstackResources.QUEUES) {
            Queue dlq = Queue.Builder.create(this, definition.deadLetterLogicalName())
                    .queueName(ShortstackResources.physicalName(stage, definition.deadLetterLogicalName()))
                    .retentionPeriod(DLQ_RETENTION)
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            Queue queue = Queue.Builder.create(this, definition.logicalName())
                    .queueName(ShortstackResources.physicalName(stage, definition.logicalName()))
                    .visibilityTimeout(Duration.seconds(definition.visibilityTimeoutSeconds()))
                    .retentionPeriod(Duration.seconds(definition.retentionSeconds()))
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(definition.maxReceiveCount()).build())
                    .build();
            queues.put(definition, queue);
            deadLetterQueues.put(definition, dlq);
        }
    }

    public Queue queue(QueueDefinition definition) {
        return queues.get(definition);
    }

    public Queue deadLetterQueue(QueueDefinition definition) {
        return deadLetterQueues.get(definition);
    }

    public Map<QueueDefinition, Queue> all() {
        return queues;
    }
}
