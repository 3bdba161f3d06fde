package dev.shortstack.shared.click;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortstack.shared.concurrent.DaemonPool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Click capture with group commit: the click events of concurrent requests share one queue
 * message (up to {@link #MAX_BATCH} events as a JSON array, at most {@link #MAX_MESSAGE_BYTES},
 * gathered for at most {@link #LINGER}), and each request answers only once the message carrying
 * its event is acknowledged, so no click lives only in memory when its redirect leaves. A lone
 * event goes out as a plain click object, as on standard Lambda (one request per environment:
 * every event goes out at once). If the queue refuses the message after the SDK's own retries,
 * every caller in it gets a {@link ClickPublishException} (and writes the replay log).
 *
 * Why one message, not a {@code SendMessageBatch} of entries: both are one billed request (per
 * started 64 KB), but the consumer's receives and deletes are counted per message, and so is the
 * queue's own work (the local emulator spent most of a loaded runner's CPU per message). One
 * gatherer forms the groups, lingering only while other requests are waiting to publish, and hands
 * each to a pool of senders: new clicks gather while earlier groups are on the wire.
 */
public final class GroupCommitClickPublisher implements ClickPublisher {
    public static final int MAX_BATCH = 10;
    /** One billed SQS request: a message is charged per started 64 KB. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final Duration LINGER = Duration.ofMillis(2);
    /** A visitor waits on this: fail fast and fall back to the replay log instead. */
    private static final Duration SEND_TIMEOUT = Duration.ofMillis(1500);
    /** Batches in flight at once: one sender waits a round trip per batch. */
    private static final int SENDERS = 8;
    private final ExecutorService senders = DaemonPool.fixed("click-sender", SENDERS);
    private final CountDownLatch gatherFrom;

    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper json;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    /** Publishes that have not been answered yet: more than one means a batch is worth waiting for. */
    private final AtomicInteger waiting = new AtomicInteger();

    /** The gatherer's alone: an event that did not fit the previous message starts the next one. */
    private Pending carried;

    private record Pending(String body, int bytes, CompletableFuture<Void> acknowledged) {
    }

    public GroupCommitClickPublisher(SqsClient sqs, String queueUrl, ObjectMapper json) {
        this(sqs, queueUrl, json, new CountDownLatch(0));
    }

    /** @param gatherFrom the gatherer starts once it opens (tests hold it to line clicks up first) */
    GroupCommitClickPublisher(SqsClient sqs, String queueUrl, ObjectMapper json, CountDownLatch gatherFrom) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
        this.gatherFrom = gatherFrom;
        Thread gatherer = new Thread(this::gatherForever, "click-gatherer");
        gatherer.setDaemon(true);
        gatherer.start();
    }

    @Override
    public void publish(ClickEvent event) {
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new ClickPublishException("Click event could not be serialised", e);
        }
        Pending click = new Pending(body, body.getBytes(StandardCharsets.UTF_8).length, new CompletableFuture<>());
        waiting.incrementAndGet();
        try {
            pending.add(click);
            click.acknowledged().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ClickPublishException("Clicks queue did not accept the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ClickPublishException("Clicks queue did not answer within " + SEND_TIMEOUT.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickPublishException("Interrupted while the click was being sent", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Events waiting for a sender (for tests that hold the queue back). */
    int queued() {
        return pending.size();
    }

    private void gatherForever() {
        try {
            gatherFrom.await();
        } catch (InterruptedException e) {
            return;
        }
        while (true) {
            try {
                List<Pending> batch = nextBatch();
                senders.execute(() -> send(batch));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException unexpected) {
                // send() completes every future it took; nothing to do but keep gathering.
            }
        }
    }

    /**
     * The next events: the first one, then whatever arrives within the linger while others wait too,
     * as long as the message stays within {@link #MAX_MESSAGE_BYTES}.
     */
    private List<Pending> nextBatch() throws InterruptedException {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        Pending first = carried != null ? carried : pending.take();
        carried = null;
        batch.add(first);
        long bytes = 2 + first.bytes();
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < MAX_BATCH) {
            Pending next = pending.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (waiting.get() <= batch.size() || left <= 0) {
                    break;
                }
                next = pending.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (bytes + 1 + next.bytes() > MAX_MESSAGE_BYTES) {
                carried = next;
                break;
            }
            batch.add(next);
            bytes += 1 + next.bytes();
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        String body = batch.size() == 1 ? batch.get(0).body()
                : batch.stream().map(Pending::body).collect(Collectors.joining(",", "[", "]"));
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)
                    .overrideConfiguration(c -> c.apiCallTimeout(SEND_TIMEOUT)));
        } catch (SdkException e) {
            batch.forEach(click -> click.acknowledged().completeExceptionally(e));
            return;
        }
        batch.forEach(click -> click.acknowledged().complete(null));
    }
}
