package dev.shortstack.links.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shortstack.links.stats.RebuildQueue;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.stats.RebuildRequest;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

public final class SqsRebuildQueue implements RebuildQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRebuildQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** In batches of ten (SQS's limit); a batch with any entry refused fails the call, so the job is never half-queued silently. */
    @Override
    public void send(List<RebuildRequest> requests) {
        for (int start = 0; start < requests.size(); start += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = start; i < Math.min(requests.size(), start + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(json(requests.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("The rebuilds queue refused " + response.failed().size() + " messages: "
                        + response.failed().get(0).message());
            }
        }
    }

    private static String json(RebuildRequest request) {
        try {
            return Json.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
