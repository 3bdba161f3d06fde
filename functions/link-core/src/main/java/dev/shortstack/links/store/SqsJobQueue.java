package dev.shortstack.links.store;

import dev.shortstack.shared.sqs.SqsBatches;
import dev.shortstack.links.jobs.JobMessage;
import dev.shortstack.links.jobs.JobQueue;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

public final class SqsJobQueue implements JobQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<JobMessage> messages) {
        SqsBatches.sendJson(sqs, queueUrl, messages);
    }
}
