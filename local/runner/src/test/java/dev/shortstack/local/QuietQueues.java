package dev.shortstack.local;

import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.infra.ShortstackResources;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * For tests that assert exact figures: once a queue has nothing queued, in flight or delayed,
 * everything it carried has been handled and no more can come, so a late or repeated event fails
 * the assertion instead of slipping in after it.
 */
final class QuietQueues {
    private QuietQueues() {
    }

    /**
     * Waits until the clicks queue is quiet: at most one visibility timeout and a minute, since a batch
     * the aggregator failed is delivered again only once its visibility timeout has passed.
     */
    static void awaitClicks(LocalRunner runner) {
        await(runner, ShortstackResources.CLICKS,
                Duration.ofSeconds(ShortstackResources.CLICKS.visibilityTimeoutSeconds()).plusMinutes(1));
    }

    /**
     * Waits until every click logged for replay has been put back on the queue (once the load has stopped nothing more is
     * logged), then until the clicks queue is quiet: then every click, queued or replayed, is in the archive.
     */
    static void awaitClicksAndReplays(LocalRunner runner) {
        String dlqUrl = runner.stage().deadLetterQueueUrl(ShortstackResources.CLICKS);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!runner.replayCaughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The replay log was not replayed in 2 minutes");
            }
            runner.aws().sqs().receiveMessage(r -> r.queueUrl(dlqUrl).waitTimeSeconds(1).visibilityTimeout(0).maxNumberOfMessages(1));
        }
        awaitClicks(runner);
    }

    /** Waits (long-polling the queue's DLQ, not sleeping) until the queue is quiet, or fails after {@code budget}. */
    static void await(LocalRunner runner, QueueDefinition queue, Duration budget) {
        String queueUrl = runner.stage().queueUrl(queue);
        String dlqUrl = runner.stage().deadLetterQueueUrl(queue);
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            if (isQuiet(runner, queueUrl)) {
                return;
            }
            runner.aws().sqs().receiveMessage(r -> r.queueUrl(dlqUrl).waitTimeSeconds(1).visibilityTimeout(0).maxNumberOfMessages(1));
        }
        throw new AssertionError("The " + queue.logicalName() + " queue did not drain in " + budget.toSeconds() + " s");
    }

    static boolean isQuiet(LocalRunner runner, String queueUrl) {
        Map<QueueAttributeName, String> counts = runner.aws().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }
}
