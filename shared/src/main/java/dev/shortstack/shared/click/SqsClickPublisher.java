package dev.shortstack.shared.click;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends each click as one SQS message; the aggregator batches on the consuming side. */
public final class SqsClickPublisher implements ClickPublisher {
    /** A visitor waits on this call: fail fast and fall back to the replay log instead. */
    private static final Duration SEND_TIMEOUT = Duration.ofMillis(1500);

    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper json;

    public SqsClickPublisher(SqsClient sqs, String queueUrl, ObjectMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void publish(ClickEvent event) {
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new ClickPublishException("Click event could not be serialised", e);
        }
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl)
                    .messageBody(body)
                    .overrideConfiguration(c -> c.apiCallTimeout(SEND_TIMEOUT)));
        } catch (SdkException e) {
            throw new ClickPublishException("Clicks queue did not accept the event: " + e.getMessage(), e);
        }
    }
}
