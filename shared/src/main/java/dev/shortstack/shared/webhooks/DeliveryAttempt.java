package dev.shortstack.shared.webhooks;

import java.time.Instant;

/**
 * One POST to an endpoint.
 *
 * @param statusCode the endpoint's answer, or null when there was none (refused, timed out, not allowed)
 * @param error      why it failed, or null when it succeeded
 */
public record DeliveryAttempt(Instant at, Integer statusCode, long latencyMs, String error) {
    public boolean succeeded() {
        return error == null;
    }
}
