package dev.shortstack.links.store;

import dev.shortstack.links.stats.RebuildQueue;
import dev.shortstack.shared.stats.RebuildRequest;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

public final class SqsRebuildQueue implements RebuildQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRebuildQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<RebuildRequest> requests) {
        SqsBatches.sendJson(sqs, queueUrl, requests);
    }
}
