package dev.shortstack.shared.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Something that happened in a workspace, as endpoints receive it: the body of every delivery is
 * {@link #toJson()}. Ids start with the time in base 36, so a delivery log keyed by them sorts by time.
 */
public record WebhookEvent(String id, WebhookEventType type, String workspaceId, Instant occurredAt, ObjectNode data) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(workspaceId);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(data);
    }

    /** A new event with a fresh id. */
    public static WebhookEvent of(WebhookEventType type, String workspaceId, Instant occurredAt, ObjectNode data) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return new WebhookEvent(idAt(occurredAt, HexFormat.of().formatHex(random)), type, workspaceId, occurredAt, data);
    }

    /**
     * An event whose id follows from what it is about (e.g. the click ids of a batch), so a producer
     * that repeats itself raises the same event and endpoints get it once.
     *
     * @param stableAt a time that is the same whenever the producer repeats itself (the id starts with it)
     */
    public static WebhookEvent derived(WebhookEventType type, String workspaceId, Instant occurredAt, Instant stableAt,
                                       String identity, ObjectNode data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return new WebhookEvent(idAt(stableAt, HexFormat.of().formatHex(digest, 0, 8)), type, workspaceId, occurredAt, data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idAt(Instant at, String suffix) {
        String millis = Long.toString(at.toEpochMilli(), 36);
        return "evt_" + "0".repeat(Math.max(0, 9 - millis.length())) + millis + suffix;
    }

    /** The delivered body: {@code {id, type, createdAt, workspaceId, data}}. */
    public String toJson() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", id);
        body.put("type", type.wireName());
        body.put("createdAt", occurredAt.toString());
        body.put("workspaceId", workspaceId);
        body.set("data", data);
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static WebhookEvent fromJson(String json) {
        try {
            JsonNode body = Json.mapper().readTree(json);
            WebhookEventType type = WebhookEventType.fromWire(body.path("type").asText())
                    .orElseThrow(() -> new IllegalArgumentException("Unknown webhook event type: " + body.path("type")));
            if (!body.path("data").isObject()) {
                throw new IllegalArgumentException("A webhook event has an object 'data'");
            }
            return new WebhookEvent(body.path("id").asText(), type, body.path("workspaceId").asText(),
                    Instant.parse(body.path("createdAt").asText()), (ObjectNode) body.get("data"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a webhook event: " + e.getOriginalMessage(), e);
        }
    }
}
