package dev.shortstack.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the CDK app's S3 event notification does, for the local runner (S3Proxy has no
 * notifications): new objects under a prefix become {@code ObjectCreated:Put} events, in S3's
 * own event format, on a queue. It polls the bucket listing every quarter second; objects present at start-up are
 * taken as already notified.
 */
final class S3UploadNotifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3UploadNotifications.class);
    private static final long POLL_MILLIS = 250;

    private final S3Client s3;
    private final SqsClient sqs;
    private final String bucket;
    private final String prefix;
    private final String suffix;
    private final String queueUrl;
    private final String region;
    private final Set<String> notified = new HashSet<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "s3-notifications");
        thread.setDaemon(true);
        return thread;
    });

    S3UploadNotifications(S3Client s3, SqsClient sqs, String bucket, String prefix, String suffix, String queueUrl, String region) {
        this.s3 = s3;
        this.sqs = sqs;
        this.bucket = bucket;
        this.prefix = prefix;
        this.suffix = suffix;
        this.queueUrl = queueUrl;
        this.region = region;
        listing().forEach(object -> notified.add(identity(object)));
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            for (S3Object object : listing()) {
                if (notified.add(identity(object))) {
                    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(event(object).toString()));
                }
            }
        } catch (SdkException e) {
            if (!poller.isShutdown()) {
                LOG.warn("Listing {} for upload notifications failed: {}", bucket, e.getMessage());
            }
        }
    }

    private Iterable<S3Object> listing() {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .filter(object -> object.key().endsWith(suffix)).toList();
    }

    private static String identity(S3Object object) {
        return object.key() + "@" + object.eTag();
    }

    private ObjectNode event(S3Object object) {
        ObjectNode event = Json.mapper().createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", "ObjectCreated:Put");
        ObjectNode s3Node = record.putObject("s3");
        s3Node.put("s3SchemaVersion", "1.0");
        s3Node.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3Node.putObject("object").put("key", object.key()).put("size", object.size()).put("eTag", object.eTag());
        return event;
    }

    @Override
    public void close() {
        poller.shutdown();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
