package dev.shortstack.shared.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shortstack.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Sends JSON messages in batches of ten (SQS's limit). */
public final class SqsBatches {
    private SqsBatches() {
    }

    /** A batch with any entry refused fails the call, so work is never half-queued silently. */
    public static void sendJson(SqsClient sqs, String queueUrl, List<?> messages) {
        send(sqs, queueUrl, messages.stream().map(SqsBatches::json).toList());
    }

    /** Message bodies as they are; a batch with any entry refused fails the call. */
    public static void send(SqsClient sqs, String queueUrl, List<String> bodies) {
        for (int start = 0; start < bodies.size(); start += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = start; i < Math.min(bodies.size(), start + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("The queue " + queueUrl + " refused " + response.failed().size()
                        + " messages: " + response.failed().get(0).message());
            }
        }
    }

    private static String json(Object message) {
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
