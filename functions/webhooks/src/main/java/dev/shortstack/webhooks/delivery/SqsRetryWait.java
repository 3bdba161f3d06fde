package dev.shortstack.webhooks.delivery;

import software.amazon.awssdk.services.sqs.SqsClient;

/** The wait is the message's visibility timeout (at most 12 hours, SQS's limit). */
public final class SqsRetryWait implements RetryWait {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRetryWait(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void hide(String receiptHandle, int seconds) {
        sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }
}
