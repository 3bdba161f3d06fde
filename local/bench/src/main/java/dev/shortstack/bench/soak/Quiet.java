package dev.shortstack.bench.soak;

import dev.shortstack.local.LocalRunner;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.infra.ShortstackResources;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Waits until nothing more can arrive: every click logged for replay put back, and the clicks and jobs queues with nothing
 * queued, in flight or delayed (long-polling a DLQ between looks, never sleeping). Then every count is final.
 */
final class Quiet {
    private static final Duration BUDGET = Duration.ofMinutes(10);

    private Quiet() {
    }

    static void await(LocalRunner runner) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        String dlq = runner.stage().deadLetterQueueUrl(ShortstackResources.CLICKS);
        // Twice in a row: a replay or a retried batch can put work back just after a look.
        int quietLooks = 0;
        while (quietLooks < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The runner did not become quiet in " + BUDGET.toMinutes() + " minutes");
            }
            boolean quiet = runner.replayCaughtUp() && isQuiet(runner, ShortstackResources.CLICKS) && isQuiet(runner, ShortstackResources.JOBS_WORK);
            quietLooks = quiet ? quietLooks + 1 : 0;
            runner.aws().sqs().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1).visibilityTimeout(0).maxNumberOfMessages(1));
        }
    }

    private static boolean isQuiet(LocalRunner runner, QueueDefinition queue) {
        Map<QueueAttributeName, String> counts = runner.aws().sqs().getQueueAttributes(r -> r.queueUrl(runner.stage().queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }
}
