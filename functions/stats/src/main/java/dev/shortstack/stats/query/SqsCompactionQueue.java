package dev.shortstack.stats.query;

import dev.shortstack.links.store.SqsBatches;
import dev.shortstack.shared.stats.CompactionRequest;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

public final class SqsCompactionQueue implements CompactionQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsCompactionQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<CompactionRequest> requests) {
        SqsBatches.sendJson(sqs, queueUrl, requests);
    }
}
