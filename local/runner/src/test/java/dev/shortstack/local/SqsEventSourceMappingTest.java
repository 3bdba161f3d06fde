package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local SQS trigger behaves as Lambda's event source mapping with ReportBatchItemFailures. */
@ExtendWith(EmulatorsExtension.class)
class SqsEventSourceMappingTest {
    private static final QueueDefinition QUEUE = new QueueDefinition("esm-test", "UNUSED", 1, 2, 3600, 10, 1);

    @Test
    void failedRecordsAreRetriedAndPoisonEndsInTheDlqWhileTheRestIsDeletedOnce(EmulatedAws aws) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl = aws.sqs().createQueue(r -> r.queueName("esm-dlq-" + suffix)).queueUrl();
        String dlqArn = aws.sqs().getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = aws.sqs().createQueue(r -> r.queueName("esm-" + suffix).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();

        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        CountDownLatch goodOnesDone = new CountDownLatch(30);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        RequestStreamHandler handler = (in, out, context) -> {
            JsonNode event = Json.mapper().readTree(in);
            ObjectNode response = Json.mapper().createObjectNode();
            var failures = response.putArray("batchItemFailures");
            for (JsonNode record : event.path("Records")) {
                String body = record.path("body").asText();
                assertThat(record.path("eventSourceARN").asText()).endsWith(":esm-" + suffix);
                deliveries.merge(body, 1, Integer::sum);
                boolean transientFailure = body.endsWith("-7") && failedOnce.add(body);
                if (body.startsWith("poison") || transientFailure) {
                    failures.addObject().put("itemIdentifier", record.path("messageId").asText());
                } else if (deliveries.get(body) == 1 || body.endsWith("-7")) {
                    goodOnesDone.countDown();
                }
            }
            Json.mapper().writeValue(out, response);
        };
        for (int i = 0; i < 30; i++) {
            String body = "good-" + i;
            aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        }
        for (int i = 0; i < 3; i++) {
            String body = "poison-" + i;
            aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        }

        try (SqsEventSourceMapping mapping = new SqsEventSourceMapping(aws.sqs(), queueUrl, QUEUE,
                new FunctionPool("test", () -> handler, 2), 2, false)) {
            assertThat(goodOnesDone.await(30, TimeUnit.SECONDS)).as("every good record processed").isTrue();
            List<String> deadLettered = drain(aws, dlqUrl, 3, Duration.ofSeconds(30));
            assertThat(deadLettered).containsExactlyInAnyOrder("poison-0", "poison-1", "poison-2");
        }

        for (int i = 0; i < 30; i++) {
            int expected = i == 7 ? 2 : 1;
            assertThat(deliveries.get("good-" + i)).as("deliveries of good-" + i).isEqualTo(expected);
        }
        assertThat(deliveries.get("poison-0")).isEqualTo(2);
        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(2)).messages()).isEmpty();
    }

    @Test
    void withLambdaBatchingRecordsArrivingWithinTheWindowGoAsOneBatch(EmulatedAws aws) throws Exception {
        QueueDefinition windowed = new QueueDefinition("esm-window", "UNUSED", 30, 2, 3600, 100, 3);
        String queueUrl = aws.sqs().createQueue(r -> r.queueName("esm-window-" + UUID.randomUUID().toString().substring(0, 8))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
        List<List<String>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch delivered = new CountDownLatch(1);
        RequestStreamHandler handler = (in, out, context) -> {
            List<String> bodies = new ArrayList<>();
            Json.mapper().readTree(in).path("Records").forEach(record -> bodies.add(record.path("body").asText()));
            batches.add(bodies);
            delivered.countDown();
            Json.mapper().writeValue(out, Json.mapper().createObjectNode().putArray("batchItemFailures"));
        };

        try (SqsEventSourceMapping mapping = new SqsEventSourceMapping(aws.sqs(), queueUrl, windowed,
                new FunctionPool("test", () -> handler, 1), 1, true)) {
            aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody("first"));
            // The poller holds the first record (in flight) while its window runs; the rest arrive within it.
            while (!"1".equals(aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))) {
                assertThat(batches).as("nothing delivered before the window ends").isEmpty();
            }
            for (int i = 1; i <= 4; i++) {
                String body = "later-" + i;
                aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
            }
            assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).containsExactlyInAnyOrder("first", "later-1", "later-2", "later-3", "later-4");
    }

    /** Long-polls the queue until it has yielded {@code count} messages or the time is up. */
    private static List<String> drain(EmulatedAws aws, String queueUrl, int count, Duration timeout) {
        List<String> bodies = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bodies.size() < count && System.nanoTime() < deadline) {
            aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
                    .messages().forEach(m -> bodies.add(m.body()));
        }
        return bodies;
    }
}
