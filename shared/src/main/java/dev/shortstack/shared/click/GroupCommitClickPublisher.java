package dev.shortstack.shared.click;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortstack.shared.concurrent.DaemonPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Click capture with group commit: the click events of concurrent requests share
 * {@code SendMessageBatch} calls (up to {@link #MAX_BATCH} entries, gathered for at most
 * {@link #LINGER}), and each request answers only once its own event is acknowledged, so no click
 * lives only in memory when its redirect leaves. An entry the batch refused is sent again on its
 * own; if that fails too, the caller gets a {@link ClickPublishException} (and writes the replay
 * log). One gatherer forms the batches, lingering only while other requests are waiting to publish
 * (with one request per environment, as on standard Lambda, every event goes out at once, in a
 * batch of one), and hands each to a pool of senders: new clicks gather while earlier batches are
 * on the wire, instead of each idle sender taking one click on its own.
 */
public final class GroupCommitClickPublisher implements ClickPublisher {
    public static final int MAX_BATCH = 10;
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

    private record Pending(String body, CompletableFuture<Void> acknowledged) {
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
        Pending click = new Pending(body, new CompletableFuture<>());
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

    /** The next events: the first one, then whatever arrives within the linger while others wait too. */
    private List<Pending> nextBatch() throws InterruptedException {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        batch.add(pending.take());
        pending.drainTo(batch, MAX_BATCH - 1);
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < MAX_BATCH && waiting.get() > batch.size()) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? pending.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
            pending.drainTo(batch, MAX_BATCH - batch.size());
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(batch.get(i).body()).build());
        }
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)
                    .overrideConfiguration(c -> c.apiCallTimeout(SEND_TIMEOUT)));
        } catch (SdkException e) {
            batch.forEach(click -> click.acknowledged().completeExceptionally(e));
            return;
        }
        Map<String, Pending> byId = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byId.put(Integer.toString(i), batch.get(i));
        }
        response.successful().forEach(ok -> byId.remove(ok.id()).acknowledged().complete(null));
        Map<String, String> refused = response.failed().stream()
                .collect(Collectors.toMap(f -> f.id(), f -> f.code() + " " + f.message(), (a, b) -> a));
        byId.forEach((id, click) -> retryAlone(click, refused.getOrDefault(id, "not acknowledged")));
    }

    private void retryAlone(Pending click, String firstRefusal) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(click.body())
                    .overrideConfiguration(c -> c.apiCallTimeout(SEND_TIMEOUT)));
            click.acknowledged().complete(null);
        } catch (SdkException e) {
            e.addSuppressed(new IllegalStateException("refused in its batch first: " + firstRefusal));
            click.acknowledged().completeExceptionally(e);
        }
    }
}
