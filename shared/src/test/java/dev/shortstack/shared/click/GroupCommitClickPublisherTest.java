package dev.shortstack.shared.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

class GroupCommitClickPublisherTest {

    @Test
    void concurrentClicksShareMessagesAndEveryOneIsAcknowledgedOnce() throws Exception {
        RecordingSqs sqs = new RecordingSqs();
        List<String> ids = publishConcurrently(sqs, 50, "ua");

        assertThat(sqs.bodies).as("50 waiting clicks, 10 to a message").hasSize(5);
        assertThat(sqs.bodies).allMatch(body -> body.startsWith("["));
        assertThat(sqs.clickIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sqs.clicksPerMessage()).containsOnly(GroupCommitClickPublisher.MAX_BATCH);
    }

    @Test
    void aMessageNeverGrowsPastOneBilledRequest() throws Exception {
        RecordingSqs sqs = new RecordingSqs();
        // Each event is about 20 KB: three fit in 64 KB, a fourth would not.
        List<String> ids = publishConcurrently(sqs, 20, "u".repeat(20_000));

        assertThat(sqs.clickIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sqs.bodies).allMatch(body -> body.getBytes(StandardCharsets.UTF_8).length <= GroupCommitClickPublisher.MAX_MESSAGE_BYTES);
        assertThat(sqs.clicksPerMessage()).contains(3).allMatch(n -> n <= 3);
    }

    @Test
    void aLoneClickGoesOutAtOnceAsAPlainClickObject() throws Exception {
        RecordingSqs sqs = new RecordingSqs();
        GroupCommitClickPublisher publisher = new GroupCommitClickPublisher(sqs, "queue", Json.mapper());
        ClickEvent first = click("ua");
        ClickEvent second = click("ua");

        publisher.publish(first);
        publisher.publish(second);

        assertThat(sqs.bodies).hasSize(2);
        assertThat(Json.mapper().readValue(sqs.bodies.get(0), ClickEvent.class)).isEqualTo(first);
        assertThat(Json.mapper().readValue(sqs.bodies.get(1), ClickEvent.class)).isEqualTo(second);
    }

    @Test
    void aRefusedMessageFailsEveryClickInIt() throws Exception {
        RecordingSqs sqs = new RecordingSqs();
        sqs.refuse = true;
        CountDownLatch allWaiting = new CountDownLatch(1);
        GroupCommitClickPublisher publisher = new GroupCommitClickPublisher(sqs, "queue", Json.mapper(), allWaiting);
        ExecutorService visitors = Executors.newFixedThreadPool(3);
        List<Future<?>> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(visitors.submit(() -> {
                publisher.publish(click("ua"));
                return null;
            }));
        }
        awaitQueued(publisher, 3);
        allWaiting.countDown();
        for (Future<?> f : published) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ClickPublishException.class);
        }
        visitors.shutdown();
        assertThat(sqs.refused).as("the three shared one message").isEqualTo(1);
        assertThat(sqs.bodies).isEmpty();
    }

    /** Lines the clicks up before the gatherer starts, so that they must share messages. */
    private static List<String> publishConcurrently(RecordingSqs sqs, int clicks, String userAgent) throws Exception {
        CountDownLatch allWaiting = new CountDownLatch(1);
        GroupCommitClickPublisher publisher = new GroupCommitClickPublisher(sqs, "queue", Json.mapper(), allWaiting);
        ExecutorService visitors = Executors.newFixedThreadPool(clicks);
        List<Future<?>> published = new ArrayList<>();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < clicks; i++) {
            published.add(visitors.submit(() -> {
                ClickEvent event = click(userAgent);
                ids.add(event.clickId());
                publisher.publish(event);
                return null;
            }));
        }
        awaitQueued(publisher, clicks);
        allWaiting.countDown();
        for (Future<?> f : published) {
            f.get(10, TimeUnit.SECONDS);
        }
        visitors.shutdown();
        return ids;
    }

    private static void awaitQueued(GroupCommitClickPublisher publisher, int clicks) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publisher.queued() < clicks && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(publisher.queued()).isEqualTo(clicks);
    }

    private static ClickEvent click(String userAgent) {
        return new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "s", "l", "w", "2026-12-01T10:00:00Z",
                "GET", 302, userAgent, null, null, "DE", "hash");
    }

    /** An SQS client that records the message bodies it accepted, or refuses every message. */
    private static final class RecordingSqs implements SqsClient {
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        volatile boolean refuse;
        volatile int refused;

        @Override
        public synchronized SendMessageResponse sendMessage(SendMessageRequest request) {
            if (refuse) {
                refused++;
                throw SqsException.builder().message("queue unavailable (test)").build();
            }
            bodies.add(request.messageBody());
            return SendMessageResponse.builder().messageId(UUID.randomUUID().toString()).build();
        }

        List<String> clickIds() {
            return bodies.stream().flatMap(body -> clicks(body).stream()).map(click -> click.path("clickId").asText()).toList();
        }

        List<Integer> clicksPerMessage() {
            return bodies.stream().map(body -> clicks(body).size()).toList();
        }

        private static List<JsonNode> clicks(String body) {
            try {
                JsonNode node = Json.mapper().readTree(body);
                List<JsonNode> clicks = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(clicks::add);
                } else {
                    clicks.add(node);
                }
                return clicks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
