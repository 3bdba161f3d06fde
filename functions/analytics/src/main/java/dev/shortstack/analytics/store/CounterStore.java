package dev.shortstack.analytics.store;

import dev.shortstack.analytics.aggregate.CounterWrite;
import dev.shortstack.analytics.aggregate.SketchWrite;

/** Where realtime counters go. Both operations throw when the write did not happen. */
public interface CounterStore {
    void add(CounterWrite write);

    void mergeSketch(SketchWrite write);
}
