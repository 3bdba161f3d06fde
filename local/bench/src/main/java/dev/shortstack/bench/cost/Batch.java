package dev.shortstack.bench.cost;

import dev.shortstack.shared.click.ClickEvent;
import java.time.Instant;
import java.util.List;

/**
 * One invocation's worth of clicks, as the event source mapping hands them to the aggregator.
 *
 * @param links          each click's link index (for the bench's own bookkeeping)
 * @param arrivalSeconds when each click's message reached the queue, in seconds since the window's start
 * @param closedAt       when the batch closed (500 messages or 5 s after its first): the aggregator's "now"
 */
public record Batch(List<ClickEvent> clicks, int[] links, double[] arrivalSeconds, Instant closedAt) {
    public int size() {
        return clicks.size();
    }
}
