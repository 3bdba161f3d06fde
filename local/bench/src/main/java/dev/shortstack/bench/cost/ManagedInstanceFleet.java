package dev.shortstack.bench.cost;

import java.util.Random;

/**
 * The redirect on Lambda Managed Instances: a fixed number of instances, each one execution environment
 * serving many requests at once, with one link cache and one click publisher. A click goes to an instance
 * picked evenly at random; its link is looked up in that instance's cache; its event is published when the
 * in-process work (and a GetItem, on a miss) is done, into the instance's {@link GroupCommitModel}, which
 * counts the messages (one SendMessage each) the real publisher would send. Nothing is billed by duration here.
 */
final class ManagedInstanceFleet implements ClickSink {
    private final EnvironmentState[] instances;
    private final GroupCommitModel[] publishers;
    private final Random random;
    private final double inProcessSeconds;
    private final double getItemSeconds;
    private final double roundTripSeconds;
    private long clicks;
    private double occupiedMillis;

    /** @param inProcessMs the in-process time of one redirect on a full vCPU */
    ManagedInstanceFleet(int instanceCount, double inProcessMs, double clickBodyBytes, RedirectAssumptions assumptions,
                         double flushIntervalSeconds, long seed) {
        this.instances = new EnvironmentState[instanceCount];
        this.publishers = new GroupCommitModel[instanceCount];
        this.roundTripSeconds = assumptions.sqsRoundTripMs() / 1000;
        for (int i = 0; i < instanceCount; i++) {
            instances[i] = new EnvironmentState(0, assumptions.cacheTtlSeconds(), flushIntervalSeconds);
            publishers[i] = new GroupCommitModel(roundTripSeconds, clickBodyBytes);
        }
        this.random = new Random(seed);
        this.inProcessSeconds = inProcessMs / 1000;
        this.getItemSeconds = assumptions.getItemRoundTripMs() / 1000;
    }

    @Override
    public void click(double atSeconds, int link) {
        int i = random.nextInt(instances.length);
        boolean cached = instances[i].lookUp(link, atSeconds, getItemSeconds);
        double published = atSeconds + inProcessSeconds + (cached ? 0 : getItemSeconds);
        publishers[i].publish(published);
        double end = published + roundTripSeconds;
        instances[i].invocationEnded(end);
        occupiedMillis += (end - atSeconds) * 1000;
        clicks++;
    }

    @Override
    public RedirectUsage finish() {
        long reads = 0;
        long lines = 0;
        long calls = 0;
        long billed = 0;
        int live = 0;
        for (int i = 0; i < instances.length; i++) {
            publishers[i].finish();
            reads += instances[i].reads;
            lines += instances[i].metricsLines;
            calls += publishers[i].calls();
            billed += publishers[i].billedRequests();
            live = Math.max(live, instances[i].maxLiveBound());
        }
        return new RedirectUsage(clicks, 0, occupiedMillis / clicks, reads, calls, billed, lines, instances.length, 0, live);
    }
}
