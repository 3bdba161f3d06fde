package dev.shortstack.bench.cost;

/** Where the simulated clicks are replayed, one at a time, in the order they arrive. */
interface ClickSink {
    /** A click on link index {@code link}, arriving {@code atSeconds} after the window's start. */
    void click(double atSeconds, int link);

    /** The window is over: what was used in it. */
    RedirectUsage finish();
}
