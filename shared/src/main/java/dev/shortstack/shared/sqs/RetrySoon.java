package dev.shortstack.shared.sqs;

import dev.shortstack.shared.aws.PatientRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Brings a failed message back sooner than its queue's visibility timeout, for failures that pass (a dependency that did
 * not answer): a job queue's timeout is 30 minutes, sized for work that runs long, not for a retry. When SQS is what
 * did not answer, the change is retried for up to {@link PatientRequest#BUDGET}; past that the queue's own timeout applies.
 */
public interface RetrySoon {
    RetrySoon NONE = (record, delay) -> { };

    void after(SqsRecord record, Duration delay);

    static RetrySoon sqs(SqsClient sqs, String queueUrl) {
        Logger log = LoggerFactory.getLogger(RetrySoon.class);
        return (record, delay) -> {
            if (record.receiptHandle() == null) {
                return;
            }
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(record.receiptHandle())
                        .visibilityTimeout((int) delay.toSeconds())
                        .overrideConfiguration(PatientRequest.CONFIG));
            } catch (SdkException e) {
                log.warn("Message {} comes back after the queue's visibility timeout instead: {}", record.messageId(), e.getMessage());
            }
        };
    }
}
