package dev.shortstack.analytics.aggregate;

import java.util.List;

/** Everything one batch writes: its counter items and its sketches. */
public record WritePlan(List<CounterWrite> counters, List<SketchWrite> sketches) {
    public int requestCount() {
        return counters.size() + 2 * sketches.size();
    }
}
