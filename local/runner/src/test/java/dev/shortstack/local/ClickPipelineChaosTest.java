package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.analytics.entrypoints.AggregateClicksFunction;
import dev.shortstack.analytics.entrypoints.AnalyticsDependencies;
import dev.shortstack.analytics.store.ClickArchive;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.config.Env;
import dev.shortstack.stats.entrypoints.CompactArchiveFunction;
import dev.shortstack.stats.entrypoints.StatsDependencies;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import dev.shortstack.stats.query.StatsQuery;
import dev.shortstack.stats.query.WorkspaceStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * 100,000 clicks through the queue, the event source mapping and the aggregator with faults:
 * 5 % of batches fail outright on first delivery, archive writes fail mid-batch, some clicks are
 * delivered twice, and some messages are poison. The moment the queue is drained, the stats read
 * from the archive say exactly 100,000 (no rebuild step); after the day's compaction (by the compactor
 * on its queue), still exactly 100,000; and the DLQ holds exactly the poison, each message once.
 */
@ExtendWith(EmulatorsExtension.class)
class ClickPipelineChaosTest {
    private static final int CLICKS = 100_000;
    private static final int DUPLICATES = 100;
    private static final int POISON = 25;
    private static final int LINKS = 20;
    private static final int FAILED_WRITES = 10;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    /** The aggregator's clock: the start of the clicks' day, so none of their hours has closed (no click is late). */
    private static final Clock DURING_THE_DAY = Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);
    /** A short visibility timeout so retries come back within the test; five receives, then the DLQ. */
    private static final QueueDefinition QUEUE = new QueueDefinition("chaos", "UNUSED", 2, 5, 3600, 100, 1);
    /** The compactions queue, with a visibility timeout short enough for a failed run to come back within the test. */
    private static final QueueDefinition COMPACTIONS = new QueueDefinition("chaos-compactions", "UNUSED", 20, 5, 3600, 1, 0);

    @Test
    void theStatsAreExactTheMomentTheQueueIsDrained(EmulatedAws aws) throws Exception {
        Stage stage = aws.provision("c" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> env = new HashMap<>(aws.awsEnv());
        env.putAll(stage.resourceEnv());
        AnalyticsDependencies real = AnalyticsDependencies.fromEnv(Env.of(env));
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger injectedWriteFailures = new AtomicInteger();
        AtomicInteger unplannedWriteFailures = new AtomicInteger();
        ClickArchive flaky = (key, bytes) -> {
            if (writes.incrementAndGet() % 97 == 0 && injectedWriteFailures.get() < FAILED_WRITES) {
                injectedWriteFailures.incrementAndGet();
                throw new IllegalStateException("injected archive write failure");
            }
            try {
                real.archive().put(key, bytes);
            } catch (RuntimeException unplanned) {
                unplannedWriteFailures.incrementAndGet();
                throw unplanned;
            }
        };
        AnalyticsDependencies deps = new AnalyticsDependencies(real.classifier(), flaky, real.catalog(), DURING_THE_DAY);
        AtomicInteger failedBatches = new AtomicInteger();
        RequestStreamHandler failingFivePercent = failFivePercentOfFirstDeliveries(new AggregateClicksFunction(deps), failedBatches);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl = aws.sqs().createQueue(r -> r.queueName("chaos-dlq-" + suffix)).queueUrl();
        String dlqArn = aws.sqs().getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = aws.sqs().createQueue(r -> r.queueName("chaos-" + suffix).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(QUEUE.visibilityTimeoutSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"5\"}"))).queueUrl();

        List<String> bodies = messages();
        long started = System.nanoTime();
        try (SqsEventSourceMapping mapping = new SqsEventSourceMapping(aws.sqs(), queueUrl, QUEUE,
                new FunctionPool("aggregator", () -> failingFivePercent, 4), 4, false)) {
            send(aws, queueUrl, bodies);
            awaitDrained(aws, queueUrl, dlqUrl, Duration.ofMinutes(8));
        }
        long drainedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        StatsDependencies stats = StatsDependencies.fromEnv(Env.of(env));
        long drained = total(stats);
        assertThat(failedBatches.get()).as("batches failed on purpose").isPositive();
        assertThat(injectedWriteFailures.get()).as("archive writes failed on purpose").isEqualTo(FAILED_WRITES);
        assertThat(unplannedWriteFailures.get()).as("archive writes the emulated S3 failed (after the SDK's retries)").isZero();
        assertThat(drained).as("clicks in the stats the moment the queue is drained").isEqualTo(CLICKS);

        // As in production, the compactor takes the day from its queue: a run that fails comes back and runs again.
        String compactionsUrl = aws.sqs().createQueue(r -> r.queueName("chaos-compactions-" + suffix).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(COMPACTIONS.visibilityTimeoutSeconds())))).queueUrl();
        try (SqsEventSourceMapping compactor = new SqsEventSourceMapping(aws.sqs(), compactionsUrl, COMPACTIONS,
                new FunctionPool("compactor", () -> new CompactArchiveFunction(stats), 1), 1, false)) {
            aws.sqs().sendMessage(r -> r.queueUrl(compactionsUrl).messageBody("{\"day\":\"" + DAY + "\"}"));
            awaitEmpty(aws, compactionsUrl, Duration.ofMinutes(3));
        }
        assertThat(stats.compaction().dueDays()).as("the day is compacted to its end").doesNotContain(DAY);
        long compacted = total(stats);
        assertThat(compacted).as("clicks after the day's compaction").isEqualTo(CLICKS);

        List<String> deadLettered = new ArrayList<>();
        List<String> received;
        do {
            // A long visibility timeout: a message received once is not received again by this loop.
            received = aws.sqs().receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(600))
                    .messages().stream().map(m -> m.body()).toList();
            deadLettered.addAll(received);
        } while (!received.isEmpty());
        assertThat(deadLettered).as("the DLQ holds exactly the poison, each once").hasSize(POISON)
                .doesNotHaveDuplicates().allMatch(body -> body.startsWith("poison"));
        System.out.printf("Chaos: %d clicks + %d duplicates + %d poison drained in %d ms; %d batches failed, %d archive writes failed;"
                        + " stats when drained %d, after compaction %d%n", CLICKS, DUPLICATES, POISON, drainedMs, failedBatches.get(),
                injectedWriteFailures.get(), drained, compacted);
    }

    /** 100,000 clicks over 20 links (one link takes half), spread over the day's hours; duplicates and poison mixed in. */
    private static List<String> messages() throws Exception {
        List<String> bodies = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        Instant start = DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        for (int i = 0; i < CLICKS; i++) {
            String link = "link-" + (i % 2 == 0 ? 0 : i % LINKS);
            String agent = i % 9 == 0 ? "Twitterbot/1.0" : "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0 Safari/537.36";
            ClickEvent event = new ClickEvent(1, UUID.randomUUID().toString(), link.replace("link", "slug"), link, "ws",
                    start.plusMillis(i * 800L).toString(), "GET", 302, agent, null, "en", "DE", "visitor-" + (i % 5000));
            String body = Json.mapper().writeValueAsString(event);
            bodies.add(body);
            if (i % (CLICKS / DUPLICATES) == 0) {
                sample.add(body);
            }
        }
        bodies.addAll(sample);
        for (int i = 0; i < POISON; i++) {
            bodies.add("poison-" + i + " {not a click");
        }
        java.util.Collections.shuffle(bodies, new java.util.Random(42));
        return bodies;
    }

    private static void send(EmulatedAws aws, String queueUrl, List<String> bodies) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int start = 0; start < bodies.size(); start += 10) {
            List<String> chunk = bodies.subList(start, Math.min(bodies.size(), start + 10));
            sent.add(senders.submit(() -> {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(chunk.get(i)).build());
                }
                assertThat(aws.sqs().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed()).isEmpty();
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
    }

    /** Waits, by polling the queues' counters, until nothing is left in flight and the poison has reached the DLQ. */
    private static void awaitDrained(EmulatedAws aws, String queueUrl, String dlqUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            Map<QueueAttributeName, String> main = aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            String dead = aws.sqs().getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            if ("0".equals(main.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(main.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    && Integer.parseInt(dead) >= POISON) {
                return;
            }
            seen = "queue: " + main.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) + " visible, "
                    + main.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE) + " in flight; DLQ: " + dead;
            // Each check waits on the DLQ for up to a second: a long poll, not a sleep.
            aws.sqs().receiveMessage(r -> r.queueUrl(dlqUrl).waitTimeSeconds(1).visibilityTimeout(0).maxNumberOfMessages(1));
        }
        // Where the mapping's pollers are, should they be stuck.
        StringBuilder pollers = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("sqs-esm-")) {
                pollers.append('\n').append(thread.getName()).append(' ').append(thread.getState());
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    pollers.append("\n    at ").append(stack[i]);
                }
            }
        });
        throw new AssertionError("The queue did not drain in " + timeout + " (last seen: " + seen + ")" + pollers);
    }

    /** Waits until a queue has nothing queued or in flight, paced by one-second long polls of an empty queue of its own. */
    private static void awaitEmpty(EmulatedAws aws, String queueUrl, Duration timeout) {
        String pacer = aws.sqs().createQueue(r -> r.queueName("chaos-pacer-" + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<QueueAttributeName, String> counts = aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            if (counts.values().stream().allMatch("0"::equals)) {
                return;
            }
            aws.sqs().receiveMessage(r -> r.queueUrl(pacer).waitTimeSeconds(1));
        }
        throw new AssertionError("The queue " + queueUrl + " did not empty in " + timeout);
    }

    /** Human plus bot clicks of the workspace on the day, as the stats API computes them. */
    private static long total(StatsDependencies stats) {
        WorkspaceStats day = stats.stats().workspaceStats("ws", StatsQuery.parse(Map.of("from", DAY.toString(), "to", DAY.toString()), DAY));
        return day.human() + day.bot();
    }

    /** Fails a batch outright when it is delivered for the first time and its first id hashes into 5 %. */
    private static RequestStreamHandler failFivePercentOfFirstDeliveries(RequestStreamHandler handler, AtomicInteger failed) {
        return (in, out, context) -> {
            byte[] event = in.readAllBytes();
            JsonNode records = Json.mapper().readTree(event).path("Records");
            JsonNode first = records.get(0);
            if (first.path("attributes").path("ApproximateReceiveCount").asInt() == 1
                    && Math.floorMod(first.path("messageId").asText().hashCode(), 20) == 0) {
                failed.incrementAndGet();
                throw new IllegalStateException("injected batch failure");
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), response, context);
            out.write(response.toByteArray());
        };
    }
}
