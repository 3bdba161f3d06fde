package dev.shortstack.shared.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import java.util.Map;

/** The deliveries queue's message: which delivery to attempt. The payload stays in the delivery log. */
public record DeliveryMessage(String workspaceId, String endpointId, String deliveryId) {

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(Map.of("workspaceId", workspaceId, "endpointId", endpointId,
                    "deliveryId", deliveryId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DeliveryMessage fromJson(String json) {
        try {
            JsonNode body = Json.mapper().readTree(json);
            for (String field : new String[] {"workspaceId", "endpointId", "deliveryId"}) {
                if (!body.path(field).isTextual()) {
                    throw new IllegalArgumentException("A delivery message names its " + field);
                }
            }
            return new DeliveryMessage(body.get("workspaceId").asText(), body.get("endpointId").asText(),
                    body.get("deliveryId").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a delivery message: " + e.getOriginalMessage(), e);
        }
    }

    public static DeliveryMessage of(WebhookDelivery delivery) {
        return new DeliveryMessage(delivery.workspaceId(), delivery.endpointId(), delivery.deliveryId());
    }
}
