package dev.shortstack.shared.webhooks;

import static dev.shortstack.shared.infra.WebhookAttributes.*;

import dev.shortstack.shared.text.Gzip;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Endpoints under {@code ws#<workspace>}, each endpoint's deliveries under {@code ep#<endpoint>}. */
public final class DynamoWebhookStore implements WebhookStore {
    /** How long a delivery stays in the log. */
    public static final Duration DELIVERY_RETENTION = Duration.ofDays(30);
    private static final String ENDPOINT_PREFIX = "ep#";
    private static final String DELIVERY_PREFIX = "dl#";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoWebhookStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public List<WebhookEndpoint> endpoints(String workspaceId) {
        return dynamo.queryPaginator(r -> r.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :ep)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", s(workspaceKey(workspaceId)), ":ep", s(ENDPOINT_PREFIX))))
                .items().stream().map(DynamoWebhookStore::endpointFrom).toList();
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(String workspaceId, String endpointId) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(endpointKey(workspaceId, endpointId)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(endpointFrom(response.item())) : Optional.empty();
    }

    @Override
    public boolean createEndpoint(WebhookEndpoint endpoint) {
        return conditionalPut(endpointItem(endpoint), "attribute_not_exists");
    }

    @Override
    public boolean replaceEndpoint(WebhookEndpoint endpoint, Instant expectedUpdatedAt) {
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(endpointItem(endpoint))
                    .conditionExpression("#updated = :expected")
                    .expressionAttributeNames(Map.of("#updated", UPDATED_AT))
                    .expressionAttributeValues(Map.of(":expected", s(expectedUpdatedAt.toString()))));
            return true;
        } catch (ConditionalCheckFailedException goneOrChanged) {
            return false;
        }
    }

    @Override
    public boolean deleteEndpoint(String workspaceId, String endpointId) {
        try {
            dynamo.deleteItem(r -> r.tableName(tableName).key(endpointKey(workspaceId, endpointId))
                    .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    @Override
    public Instant noteFailure(String workspaceId, String endpointId, Instant at) {
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(r -> r.tableName(tableName)
                    .key(endpointKey(workspaceId, endpointId))
                    .updateExpression("SET #failing = if_not_exists(#failing, :at)")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#failing", FAILING_SINCE, "#pk", PK))
                    .expressionAttributeValues(Map.of(":at", s(at.toString())))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Instant.parse(updated.get(FAILING_SINCE).s());
        } catch (ConditionalCheckFailedException gone) {
            return at;
        }
    }

    @Override
    public void noteSuccess(String workspaceId, String endpointId) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(endpointKey(workspaceId, endpointId))
                    .updateExpression("REMOVE #failing")
                    .conditionExpression("attribute_exists(#failing)")
                    .expressionAttributeNames(Map.of("#failing", FAILING_SINCE)));
        } catch (ConditionalCheckFailedException notFailing) {
            // Another attempt cleared it first.
        }
    }

    @Override
    public boolean disable(String workspaceId, String endpointId, Instant at, String reason) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(endpointKey(workspaceId, endpointId))
                    .updateExpression("SET #status = :disabled, #at = :at, #reason = :reason, #updated = :at")
                    .conditionExpression("#status = :active")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#at", DISABLED_AT, "#reason", DISABLED_REASON,
                            "#updated", UPDATED_AT))
                    .expressionAttributeValues(Map.of(":disabled", s(EndpointStatus.DISABLED.wireName()),
                            ":active", s(EndpointStatus.ACTIVE.wireName()), ":at", s(at.toString()), ":reason", s(reason))));
            return true;
        } catch (ConditionalCheckFailedException notActive) {
            return false;
        }
    }

    @Override
    public boolean createDelivery(WebhookDelivery delivery) {
        return conditionalPut(deliveryItem(delivery), "attribute_not_exists");
    }

    @Override
    public Optional<WebhookDelivery> delivery(String endpointId, String deliveryId) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(deliveryKey(endpointId, deliveryId)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(deliveryFrom(response.item())) : Optional.empty();
    }

    @Override
    public boolean lease(String endpointId, String deliveryId, Instant now, Instant until) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(deliveryKey(endpointId, deliveryId))
                    .updateExpression("SET #lease = :until")
                    // Pending and due (a copy of the message that comes back early waits), or failed for good and redriven.
                    .conditionExpression("attribute_exists(#pk) AND (#status = :pending OR #status = :failed)"
                            + " AND (attribute_not_exists(#lease) OR #lease < :now)"
                            + " AND (attribute_not_exists(#due) OR #due <= :now)")
                    .expressionAttributeNames(Map.of("#lease", LEASE_UNTIL, "#pk", PK, "#status", STATUS, "#due", DUE_AT_MILLIS))
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli()),
                            ":pending", s(DeliveryStatus.PENDING.wireName()), ":failed", s(DeliveryStatus.FAILED.wireName()))));
            return true;
        } catch (ConditionalCheckFailedException settledOrHeld) {
            return false;
        }
    }

    @Override
    public void recordAttempt(String endpointId, String deliveryId, DeliveryAttempt attempt, DeliveryStatus status,
                              Instant nextAttemptAt) {
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#log", ATTEMPT_LOG, "#lease", LEASE_UNTIL,
                "#next", NEXT_ATTEMPT_AT, "#due", DUE_AT_MILLIS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.wireName()),
                ":attempt", AttributeValue.fromL(List.of(AttributeValue.fromM(attemptItem(attempt)))),
                ":empty", AttributeValue.fromL(List.of())));
        String update = "SET #status = :status, #log = list_append(if_not_exists(#log, :empty), :attempt)";
        if (nextAttemptAt != null) {
            update += ", #next = :next, #due = :due";
            values.put(":next", s(nextAttemptAt.toString()));
            values.put(":due", n(nextAttemptAt.toEpochMilli()));
        }
        update += " REMOVE #lease" + (nextAttemptAt == null ? ", #next, #due" : "");
        String expression = update;
        dynamo.updateItem(r -> r.tableName(tableName).key(deliveryKey(endpointId, deliveryId))
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void skip(String endpointId, String deliveryId, String reason, Instant at) {
        recordAttempt(endpointId, deliveryId, new DeliveryAttempt(at, null, 0, reason), DeliveryStatus.SKIPPED, null);
    }

    @Override
    public List<WebhookDelivery> deliveries(String endpointId, String beforeDeliveryId, int limit) {
        // The partition holds this endpoint's deliveries and nothing else.
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(ENDPOINT_PREFIX + endpointId)));
        String condition = "#pk = :pk";
        if (beforeDeliveryId != null) {
            condition += " AND #sk < :before";
            values.put(":before", s(DELIVERY_PREFIX + beforeDeliveryId));
        }
        String keyCondition = condition;
        return dynamo.queryPaginator(r -> r.tableName(tableName).consistentRead(true).keyConditionExpression(keyCondition)
                        .expressionAttributeNames(beforeDeliveryId == null ? Map.of("#pk", PK) : Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(values).scanIndexForward(false).limit(limit))
                .items().stream()
                .limit(limit)
                .map(DynamoWebhookStore::deliveryFrom)
                .toList();
    }

    /** A put that only happens if the item exists ({@code attribute_exists}) or not ({@code attribute_not_exists}). */
    private boolean conditionalPut(Map<String, AttributeValue> item, String condition) {
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(item).conditionExpression(condition + "(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    private static String workspaceKey(String workspaceId) {
        return "ws#" + workspaceId;
    }

    private static Map<String, AttributeValue> endpointKey(String workspaceId, String endpointId) {
        return Map.of(PK, s(workspaceKey(workspaceId)), SK, s(ENDPOINT_PREFIX + endpointId));
    }

    private static Map<String, AttributeValue> deliveryKey(String endpointId, String deliveryId) {
        return Map.of(PK, s(ENDPOINT_PREFIX + endpointId), SK, s(DELIVERY_PREFIX + deliveryId));
    }

    private static Map<String, AttributeValue> endpointItem(WebhookEndpoint e) {
        Map<String, AttributeValue> item = new HashMap<>(endpointKey(e.workspaceId(), e.endpointId()));
        item.put(WORKSPACE_ID, s(e.workspaceId()));
        item.put(ENDPOINT_ID, s(e.endpointId()));
        item.put(URL, s(e.url()));
        item.put(EVENTS, AttributeValue.fromSs(e.events().stream().map(WebhookEventType::wireName).sorted().toList()));
        item.put(SECRET, s(e.secret()));
        item.put(STATUS, s(e.status().wireName()));
        item.put(CREATED_AT, s(e.createdAt().toString()));
        item.put(UPDATED_AT, s(e.updatedAt().toString()));
        putIfPresent(item, DESCRIPTION, e.description());
        putIfPresent(item, PREVIOUS_SECRET, e.previousSecret());
        putIfPresent(item, PREVIOUS_SECRET_EXPIRES_AT, e.previousSecretExpiresAt());
        putIfPresent(item, FAILING_SINCE, e.failingSince());
        putIfPresent(item, DISABLED_AT, e.disabledAt());
        putIfPresent(item, DISABLED_REASON, e.disabledReason());
        return item;
    }

    private static WebhookEndpoint endpointFrom(Map<String, AttributeValue> item) {
        Set<WebhookEventType> events = item.get(EVENTS).ss().stream()
                .flatMap(name -> WebhookEventType.fromWire(name).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
        return new WebhookEndpoint(item.get(WORKSPACE_ID).s(), item.get(ENDPOINT_ID).s(), item.get(URL).s(), events,
                string(item, DESCRIPTION), item.get(SECRET).s(), string(item, PREVIOUS_SECRET),
                instant(item, PREVIOUS_SECRET_EXPIRES_AT), EndpointStatus.fromWire(item.get(STATUS).s()),
                instant(item, FAILING_SINCE), instant(item, DISABLED_AT), string(item, DISABLED_REASON),
                instant(item, CREATED_AT), instant(item, UPDATED_AT));
    }

    /** The item a delivery is stored as (and what the webhook cost bench sizes). */
    public static Map<String, AttributeValue> deliveryItem(WebhookDelivery d) {
        Map<String, AttributeValue> item = new HashMap<>(deliveryKey(d.endpointId(), d.deliveryId()));
        item.put(WORKSPACE_ID, s(d.workspaceId()));
        item.put(ENDPOINT_ID, s(d.endpointId()));
        item.put(DELIVERY_ID, s(d.deliveryId()));
        item.put(EVENT_ID, s(d.eventId()));
        item.put(EVENT_TYPE, s(d.eventType().wireName()));
        // Compressed: the item is written once and updated at every attempt, each write billed by its whole size.
        item.put(PAYLOAD_GZ, AttributeValue.fromB(SdkBytes.fromByteArray(Gzip.compress(d.payload()))));
        item.put(STATUS, s(d.status().wireName()));
        item.put(ATTEMPT_LOG, AttributeValue.fromL(d.attemptLog().stream().map(a -> AttributeValue.fromM(attemptItem(a))).toList()));
        item.put(CREATED_AT, s(d.createdAt().toString()));
        item.put(EXPIRES_AT_EPOCH, n(d.createdAt().plus(DELIVERY_RETENTION).getEpochSecond()));
        putIfPresent(item, NEXT_ATTEMPT_AT, d.nextAttemptAt());
        if (d.nextAttemptAt() != null) {
            item.put(DUE_AT_MILLIS, n(d.nextAttemptAt().toEpochMilli()));
        }
        putIfPresent(item, REDELIVERY_OF, d.redeliveryOf());
        return item;
    }

    private static WebhookDelivery deliveryFrom(Map<String, AttributeValue> item) {
        List<DeliveryAttempt> log = new ArrayList<>();
        for (AttributeValue entry : item.getOrDefault(ATTEMPT_LOG, AttributeValue.fromL(List.of())).l()) {
            Map<String, AttributeValue> a = entry.m();
            log.add(new DeliveryAttempt(Instant.parse(a.get("at").s()),
                    a.containsKey("statusCode") ? Integer.valueOf(a.get("statusCode").n()) : null,
                    Long.parseLong(a.get("latencyMs").n()), a.containsKey("error") ? a.get("error").s() : null));
        }
        return new WebhookDelivery(item.get(WORKSPACE_ID).s(), item.get(ENDPOINT_ID).s(), item.get(DELIVERY_ID).s(),
                item.get(EVENT_ID).s(), WebhookEventType.fromWire(item.get(EVENT_TYPE).s()).orElseThrow(),
                Gzip.decompress(item.get(PAYLOAD_GZ).b().asByteArray()), DeliveryStatus.fromWire(item.get(STATUS).s()), log,
                instant(item, NEXT_ATTEMPT_AT), instant(item, CREATED_AT), string(item, REDELIVERY_OF));
    }

    /** An attempt as the delivery's log keeps it. */
    public static Map<String, AttributeValue> attemptItem(DeliveryAttempt attempt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("at", s(attempt.at().toString()));
        item.put("latencyMs", n(attempt.latencyMs()));
        if (attempt.statusCode() != null) {
            item.put("statusCode", n(attempt.statusCode()));
        }
        if (attempt.error() != null) {
            item.put("error", s(attempt.error()));
        }
        return item;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
