package dev.shortstack.webhooks.delivery;

import java.time.Duration;

/**
 * What becomes of a delivery's message: done (deleted), or back on the queue after a wait (the
 * last failed attempt comes back at once, and the queue moves it to the dead-letter queue).
 */
public record DeliveryOutcome(boolean done, Duration retryAfter) {
    public static final DeliveryOutcome DONE = new DeliveryOutcome(true, Duration.ZERO);

    public static DeliveryOutcome retryAfter(Duration wait) {
        return new DeliveryOutcome(false, wait);
    }
}
