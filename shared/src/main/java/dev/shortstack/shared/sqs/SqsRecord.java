package dev.shortstack.shared.sqs;

/**
 * One record of an SQS event, as Lambda's event source mapping delivers it.
 *
 * @param receiptHandle what changes the message's visibility while it is being processed
 */
public record SqsRecord(String messageId, String body, int receiveCount, String receiptHandle) {

    public SqsRecord(String messageId, String body, int receiveCount) {
        this(messageId, body, receiveCount, null);
    }
}
