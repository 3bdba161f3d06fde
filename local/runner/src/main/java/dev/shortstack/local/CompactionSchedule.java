package dev.shortstack.local;

import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.stats.CompactionRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The cloud's compaction schedule (EventBridge, 25 minutes past every hour: the hour before has then
 * been closed for 20 minutes, so each run compacts it) for the local runner:
 * it sends the same {@code {"due": true}} to the compactions queue, and once at start, so a runner
 * that was stopped over midnight catches up.
 */
final class CompactionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompactionSchedule.class);
    static final int MINUTE_PAST_THE_HOUR = 25;
    private final ScheduledExecutorService timer;

    private CompactionSchedule(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static CompactionSchedule start(SqsClient sqs, String queueUrl) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "compaction-schedule");
            thread.setDaemon(true);
            return thread;
        });
        Runnable send = () -> {
            try {
                sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.mapper().valueToTree(
                        new CompactionRequest(null, null, true)).toString()));
            } catch (RuntimeException e) {
                LOG.warn("The compaction schedule could not queue its request: {}", e.toString());
            }
        };
        timer.execute(send);
        ZonedDateTime now = Instant.now().atZone(ZoneOffset.UTC);
        ZonedDateTime next = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(MINUTE_PAST_THE_HOUR);
        if (!next.isAfter(now)) {
            next = next.plusHours(1);
        }
        timer.scheduleAtFixedRate(send, Duration.between(now, next).toMillis(), TimeUnit.HOURS.toMillis(1), TimeUnit.MILLISECONDS);
        return new CompactionSchedule(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
