package dev.shortstack.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.aws.PatientRequest;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does, for the local runner: long-polls the queue,
 * invokes the function with batches of up to {@code batchSize} records, and deletes the records
 * it succeeded on. With {@code ReportBatchItemFailures}, the records named in
 * {@code batchItemFailures} stay on the queue; a function error leaves the whole batch. Either
 * way they come back after the visibility timeout, and the queue's redrive policy moves them to
 * the DLQ after {@code maxReceiveCount} receives. A batch is gathered until it is full or the queue's batching window has
 * passed, as in Lambda; or, when told to deliver eagerly, also as soon as the queue has nothing more to give.
 */
final class SqsEventSourceMapping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);
    private static final int LONG_POLL_SECONDS = 1;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final QueueDefinition queue;
    private final FunctionPool function;
    private final List<Thread> pollers = new ArrayList<>();
    private final boolean eager;
    private volatile boolean running = true;

    /** @param lambdaBatching wait out the batching window as Lambda does; otherwise deliver once the queue is empty */
    SqsEventSourceMapping(SqsClient sqs, String queueUrl, QueueDefinition queue, FunctionPool function, int pollerCount,
                          boolean lambdaBatching) {
        this.sqs = sqs;
        this.eager = !lambdaBatching;
        this.queueUrl = queueUrl;
        this.queue = queue;
        this.function = function;
        this.queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        for (int i = 0; i < pollerCount; i++) {
            Thread poller = new Thread(this::poll, "sqs-esm-" + queue.logicalName() + "-" + i);
            poller.setDaemon(true);
            pollers.add(poller);
            poller.start();
        }
    }

    /**
     * Gathers up to {@code batchSize} records (SQS returns at most 10 a call) within the batching window (long-polling
     * for what is left of it), or, eagerly, until the queue has nothing more to give.
     */
    private void poll() {
        List<Message> batch = new ArrayList<>();
        long deadline = 0;
        while (running) {
            try {
                int wanted = Math.min(10, queue.batchSize() - batch.size());
                int waitSeconds = batch.isEmpty() ? LONG_POLL_SECONDS : eager ? 0
                        : (int) Math.min(LONG_POLL_SECONDS, Math.max(0, (deadline - System.nanoTime() + 999_999_999L) / 1_000_000_000L));
                List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(wanted)
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNamesWithStrings("All")
                        .messageAttributeNames("All")).messages();
                batch.addAll(received);
                if (batch.isEmpty()) {
                    continue;
                }
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + queue.maxBatchingWindowSeconds() * 1_000_000_000L;
                }
                if (batch.size() >= queue.batchSize() || (eager && received.isEmpty()) || now - deadline >= 0) {
                    List<Message> ready = List.copyOf(batch);
                    // Whatever happens to this batch, its messages are the queue's again after the visibility timeout.
                    batch.clear();
                    deadline = 0;
                    deliver(ready);
                }
            } catch (SdkException e) {
                if (running) {
                    LOG.warn("Polling {} failed: {}", queue.logicalName(), e.getMessage());
                }
            }
        }
    }

    /** Invokes the function once for the batch, then deletes what succeeded. */
    void deliver(List<Message> messages) {
        Set<String> failed = new HashSet<>();
        try {
            JsonNode response = Json.mapper().readTree(function.invoke(Json.mapper().writeValueAsBytes(event(messages))));
            if (response != null && response.has("batchItemFailures")) {
                response.get("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Function {} failed on a batch of {}; the batch returns to the queue", function.name(), messages.size(), e);
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        for (int start = 0; start < done.size(); start += 10) {
            List<DeleteMessageBatchRequestEntry> chunk = done.subList(start, Math.min(done.size(), start + 10));
            // Lambda keeps trying to delete what succeeded; a message not deleted is handled again after its timeout.
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk).overrideConfiguration(PatientRequest.CONFIG));
        }
    }

    private ObjectNode event(List<Message> messages) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            for (Map.Entry<MessageSystemAttributeName, String> a : message.attributes().entrySet()) {
                attributes.put(a.getKey().toString(), a.getValue());
            }
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.putObject(name)
                    .put("stringValue", value.stringValue())
                    .put("dataType", value.dataType()));
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", queueArn.split(":")[3]);
        }
        return event;
    }

    @Override
    public void close() {
        running = false;
        for (Thread poller : pollers) {
            try {
                poller.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
