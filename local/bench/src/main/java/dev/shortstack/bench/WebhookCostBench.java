package dev.shortstack.bench;

import dev.shortstack.analytics.aggregate.ClickWebhookEvents;
import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.bench.cost.ClickFactory;
import dev.shortstack.bench.cost.DynamoSize;
import dev.shortstack.bench.cost.Prices;
import dev.shortstack.bench.cost.TrafficProfile;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.infra.WebhookAttributes;
import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.DynamoWebhookStore;
import dev.shortstack.shared.webhooks.EndpointStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@code link.clicked} webhooks add per click, for one subscribed endpoint, counted request by
 * request from the real code's items and messages: the events queue (send, the fan-out's receive and
 * delete), the fan-out's Query of endpoints and its PutItem of the delivery, the deliveries queue,
 * the deliverer's three GetItems, its lease (UpdateItem) and its attempt record (UpdateItem), each
 * write billed per started KB of the larger of the item before and after; Lambda at 512 MB for the
 * durations assumed below (not measured here: the deliverer mostly waits on the receiver). Side by
 * side in the same run: the delivery item with its payload as plain JSON (the first version) and
 * gzip-compressed (as stored now). A workspace without a subscriber pays none of this: the
 * aggregator's cached lookup is one Query per 15 s per environment.
 *
 * <pre>java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.WebhookCostBench</pre>
 */
public final class WebhookCostBench {
    private static final double FANOUT_SECONDS = 0.030;
    private static final double DELIVERER_SECONDS = 0.150;
    private static final double LAMBDA_GB = 0.5;

    private WebhookCostBench() {
    }

    public static void main(String[] args) {
        ClickFactory factory = new ClickFactory(TrafficProfile.LOW);
        ClickClassifier classifier = new ClickClassifier();
        Random random = new Random(42);
        Instant at = Instant.parse("2026-12-01T12:00:00Z");
        WebhookEndpoint endpoint = new WebhookEndpoint("workspace-0", "wh_benchbenchbench0", "https://hooks.example.com/shortstack",
                Set.of(WebhookEventType.LINK_CLICKED), null, "whsec_x", null, null, EndpointStatus.ACTIVE, null, null, null, at, at);
        System.out.println("| clicks per event | body (JSON) | delivery item, plain / gzip | WRU per delivery, plain / gzip"
                + " | $ per million clicks, plain / gzip | gzip / plain |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int clicksPerEvent : new int[] {1, 10, 100}) {
            List<ArchivedClick> clicks = new ArrayList<>();
            for (int i = 0; i < clicksPerEvent; i++) {
                var event = factory.click(random.nextInt(1_000), at.plusMillis(i), random);
                clicks.add(classifier.classify(event).archived(event));
            }
            WebhookEvent event = ClickWebhookEvents.of(clicks).get(0);
            int body = event.toJson().getBytes(StandardCharsets.UTF_8).length;
            WebhookDelivery delivery = WebhookDelivery.pending(endpoint, event, at);
            Map<String, AttributeValue> gzip = DynamoWebhookStore.deliveryItem(delivery);
            Map<String, AttributeValue> plain = new HashMap<>(gzip);
            plain.remove(WebhookAttributes.PAYLOAD_GZ);
            plain.put("payload", AttributeValue.fromS(event.toJson()));
            Cost withPlain = perDelivery(plain, body);
            Cost withGzip = perDelivery(gzip, body);
            double million = 1_000_000.0 / clicksPerEvent;
            System.out.printf(Locale.ROOT, "| %d | %,d B | %,d / %,d B | %d / %d | $%.3f / $%.3f | %.2f |%n", clicksPerEvent, body,
                    DynamoSize.item(plain), DynamoSize.item(gzip), withPlain.writeUnits, withGzip.writeUnits,
                    withPlain.dollars * million, withGzip.dollars * million, withGzip.dollars / withPlain.dollars);
        }
        System.out.printf(Locale.ROOT, "%nAssumed Lambda durations at %.0f MB: fan-out %.0f ms, deliverer %.0f ms per delivery; one"
                + " delivery per Lambda invocation (the worst case: batches of up to 10 share one). Prices: %s.%n",
                LAMBDA_GB * 1024, FANOUT_SECONDS * 1000, DELIVERER_SECONDS * 1000, "local/bench/.../cost/Prices.java");
    }

    private record Cost(long writeUnits, double dollars) {
    }

    /** One delivery of one event to one endpoint that answers the first attempt. */
    private static Cost perDelivery(Map<String, AttributeValue> item, int body) {
        int size = DynamoSize.item(item);
        int leased = size + DynamoSize.number(WebhookAttributes.LEASE_UNTIL, 1_796_140_800_000L);
        Map<String, AttributeValue> attempt = DynamoWebhookStore.attemptItem(new DeliveryAttempt(Instant.now(), 204, 35, null));
        int recorded = size + DynamoSize.collection(WebhookAttributes.ATTEMPT_LOG, 3 + DynamoSize.item(attempt) + attempt.size(), 1);
        long writeUnits = DynamoSize.writeUnits(0, size)          // the fan-out's PutItem
                + DynamoSize.writeUnits(size, leased)              // the lease
                + DynamoSize.writeUnits(leased, recorded);         // the attempt, status and lease removed
        long readUnits = 1                                         // the fan-out's Query of the workspace's endpoints
                + DynamoSize.strongReadUnits(size)                 // the deliverer's GetItem of the delivery
                + 1                                                // and of its endpoint
                + 1;                                               // and of the endpoint again after the post (failing since?)
        long eventChunks = (body + Prices.SQS_CHUNK_BYTES - 1) / Prices.SQS_CHUNK_BYTES;
        double sqsRequests = 3 * eventChunks + 3;                  // send, receive, delete: events, then deliveries
        double lambda = 2 * Prices.LAMBDA_REQUEST + (FANOUT_SECONDS + DELIVERER_SECONDS) * LAMBDA_GB * Prices.LAMBDA_ARM_GB_SECOND;
        double dollars = writeUnits * Prices.DYNAMODB_WRU + readUnits * Prices.DYNAMODB_RRU + sqsRequests * Prices.SQS_REQUEST + lambda;
        return new Cost(writeUnits, dollars);
    }
}
