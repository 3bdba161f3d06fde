package dev.shortstack.shared.sqs;

/** One record of an SQS event, as Lambda's event source mapping delivers it. */
public record SqsRecord(String messageId, String body, int receiveCount) {
}
