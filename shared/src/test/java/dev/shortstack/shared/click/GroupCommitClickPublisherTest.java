package dev.shortstack.shared.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

class GroupCommitClickPublisherTest {

    @Test
    void concurrentClicksShareBatchesAndEveryOneIsAcknowledgedOnce() throws Exception {
        RecordingSqs sqs = new RecordingSqs(body -> false);
        // The gatherer starts once every click is waiting: then they must share batches.
        CountDownLatch allWaiting = new CountDownLatch(1);
        GroupCommitClickPublisher publisher = new GroupCommitClickPublisher(sqs, "queue", Json.mapper(), allWaiting);
        ExecutorService visitors = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> published = new ArrayList<>();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            published.add(visitors.submit(() -> {
                start.await();
                ClickEvent event = click();
                ids.add(event.clickId());
                publisher.publish(event);
                return null;
            }));
        }
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publisher.queued() < 50 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        allWaiting.countDown();
        for (Future<?> f : published) {
            f.get(10, TimeUnit.SECONDS);
        }
        visitors.shutdown();

        assertThat(sqs.sent).hasSize(50).doesNotHaveDuplicates();
        assertThat(sqs.sent).allMatch(body -> ids.stream().anyMatch(body::contains));
        assertThat(sqs.batches).as("50 waiting clicks in batches of 10").isEqualTo(5);
        assertThat(sqs.largestBatch).isEqualTo(GroupCommitClickPublisher.MAX_BATCH);
    }

    @Test
    void aLoneClickGoesOutAtOnceInABatchOfOne() {
        RecordingSqs sqs = new RecordingSqs(body -> false);
        GroupCommitClickPublisher publisher = new GroupCommitClickPublisher(sqs, "queue", Json.mapper());

        publisher.publish(click());
        publisher.publish(click());

        assertThat(sqs.batches).isEqualTo(2);
        assertThat(sqs.largestBatch).isEqualTo(1);
        assertThat(sqs.sent).hasSize(2);
    }

    @Test
    void anEntryTheBatchRefusedIsSentAloneAndOnlyAFailureThenReachesTheCaller() {
        RecordingSqs refusesInBatches = new RecordingSqs(body -> true);
        GroupCommitClickPublisher retried = new GroupCommitClickPublisher(refusesInBatches, "queue", Json.mapper());
        retried.publish(click());
        assertThat(refusesInBatches.singles).isEqualTo(1);
        assertThat(refusesInBatches.sent).hasSize(1);

        RecordingSqs refusesAll = new RecordingSqs(body -> true);
        refusesAll.singlesFail = true;
        GroupCommitClickPublisher failing = new GroupCommitClickPublisher(refusesAll, "queue", Json.mapper());
        assertThatThrownBy(() -> failing.publish(click())).isInstanceOf(ClickPublishException.class);
        assertThat(refusesAll.sent).isEmpty();
    }

    private static ClickEvent click() {
        return new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "s", "l", "w", "2026-12-01T10:00:00Z",
                "GET", 302, "ua", null, null, "DE", "hash");
    }

    /** An SQS client that records what it accepted; {@code refuseInBatch} says which batch entries it refuses. */
    private static final class RecordingSqs implements SqsClient {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        final Predicate<String> refuseInBatch;
        volatile boolean singlesFail;

        int batches;
        int largestBatch;
        int singles;

        RecordingSqs(Predicate<String> refuseInBatch) {
            this.refuseInBatch = refuseInBatch;
        }

        @Override
        public synchronized SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            batches++;
            largestBatch = Math.max(largestBatch, request.entries().size());
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            request.entries().forEach(entry -> {
                if (refuseInBatch.test(entry.messageBody())) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError").message("refused").senderFault(false).build());
                } else {
                    sent.add(entry.messageBody());
                    ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId(UUID.randomUUID().toString()).build());
                }
            });
            return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
        }

        @Override
        public synchronized SendMessageResponse sendMessage(SendMessageRequest request) {
            singles++;
            if (singlesFail) {
                throw SqsException.builder().message("queue unavailable (test)").build();
            }
            sent.add(request.messageBody());
            return SendMessageResponse.builder().messageId(UUID.randomUUID().toString()).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

}
