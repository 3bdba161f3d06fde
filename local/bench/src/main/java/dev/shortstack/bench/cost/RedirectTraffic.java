package dev.shortstack.bench.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one profile's simulated clicks — the same {@link ArrivalSimulator} stream, seed for seed, as
 * AnalyticsCostBench's run of that profile: Poisson arrivals at the mean rate, links Zipf(1.0) — into one
 * {@link ClickSink} per compute option, in a single pass.
 */
public final class RedirectTraffic {
    private RedirectTraffic() {
    }

    public static Map<ComputeOption, RedirectUsage> run(TrafficProfile profile, List<ComputeOption> options,
                                                        double clickBodyBytes, RedirectAssumptions assumptions,
                                                        double flushIntervalSeconds, long seed) {
        Map<ComputeOption, ClickSink> sinks = new LinkedHashMap<>();
        for (ComputeOption option : options) {
            sinks.computeIfAbsent(option, o -> o.newSink(profile, clickBodyBytes, assumptions, flushIntervalSeconds,
                    seed * 7919 + sinks.size()));
        }
        ClickSink[] all = sinks.values().toArray(ClickSink[]::new);
        new ArrivalSimulator(profile, seed).run(batch -> {
            double[] at = batch.arrivalSeconds();
            int[] links = batch.links();
            for (int i = 0; i < at.length; i++) {
                for (ClickSink sink : all) {
                    sink.click(at[i], links[i]);
                }
            }
        });
        Map<ComputeOption, RedirectUsage> usage = new LinkedHashMap<>();
        sinks.forEach((option, sink) -> usage.put(option, sink.finish()));
        return usage;
    }
}
