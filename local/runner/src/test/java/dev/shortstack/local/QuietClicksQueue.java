package dev.shortstack.local;

import dev.shortstack.shared.infra.ShortstackResources;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * For tests that assert exact figures: once the clicks queue has nothing queued, in flight or
 * delayed, every click is in the archive and no more can come, so a late or repeated event fails
 * the assertion instead of slipping in after it.
 */
final class QuietClicksQueue {
    private QuietClicksQueue() {
    }

    /**
     * Waits (long-polling the DLQ, not sleeping) until the clicks queue is quiet: at most one visibility
     * timeout and a minute, since a batch the aggregator failed (the emulated S3 refuses a few writes
     * under load, issue 16) is delivered again only once its visibility timeout has passed.
     */
    static void await(LocalRunner runner) {
        String queueUrl = runner.stage().queueUrl(ShortstackResources.CLICKS);
        String dlqUrl = runner.stage().deadLetterQueueUrl(ShortstackResources.CLICKS);
        Duration budget = Duration.ofSeconds(ShortstackResources.CLICKS.visibilityTimeoutSeconds()).plusMinutes(1);
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            Map<QueueAttributeName, String> counts = runner.aws().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            if (counts.values().stream().allMatch("0"::equals)) {
                return;
            }
            runner.aws().sqs().receiveMessage(r -> r.queueUrl(dlqUrl).waitTimeSeconds(1).visibilityTimeout(0).maxNumberOfMessages(1));
        }
        throw new AssertionError("The clicks queue did not drain in " + budget.toSeconds() + " s");
    }
}
