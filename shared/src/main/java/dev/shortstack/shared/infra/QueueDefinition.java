package dev.shortstack.shared.infra;

/**
 * One SQS queue with its dead-letter queue.
 *
 * @param visibilityTimeoutSeconds at least six times the consumer's timeout, as AWS advises
 * @param maxReceiveCount          receives before a message moves to the DLQ
 */
public record QueueDefinition(
        String logicalName,
        String envVar,
        int visibilityTimeoutSeconds,
        int maxReceiveCount,
        int retentionSeconds,
        int batchSize,
        int maxBatchingWindowSeconds) {

    public String deadLetterLogicalName() {
        return logicalName + "-dlq";
    }
}
