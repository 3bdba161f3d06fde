package dev.shortstack.bench.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The redirect on standard Lambda: one request per execution environment at a time. A click goes to an
 * idle warm environment picked at random (Lambda's placement is not documented; picking the most recently
 * used one would concentrate traffic and lower the link reads), or starts a new one when none is idle;
 * environments stay warm for the whole window (no idle reclaim, no recycling). Each invocation occupies its
 * environment for the in-process time, the SQS round trip and, when its link is not cached, the GetItem
 * round trip, and is billed that per started millisecond. Every click is one SendMessage of one click
 * (a batch of one: GroupCommitClickPublisher sends at once when no other request waits in the environment).
 */
public final class LambdaEnvironmentPool implements ClickSink {
    private record Busy(double until, int environment) {
    }

    private final PriorityQueue<Busy> busy = new PriorityQueue<>(Comparator.comparingDouble(Busy::until));
    private final List<EnvironmentState> environments = new ArrayList<>();
    private int[] idle = new int[64];
    private int idleCount;
    private final Random random;
    private final RedirectAssumptions assumptions;
    private final double flushIntervalSeconds;
    private final double hitMs;
    private final double missMs;
    private final long sqsChunksPerClick;
    private long clicks;
    private double billedMillis;
    private double occupiedMillis;
    private int peakConcurrency;

    public static String describe() {
        return "Lambda environments: a click goes to an idle warm environment picked at random, or starts a new one;"
                + " environments stay warm all window; each has its own link cache and metrics line; an invocation occupies"
                + " its environment for its in-process time and round trips";
    }

    /** @param inProcessMs the in-process time of one redirect at this memory size (already stretched for its CPU share) */
    LambdaEnvironmentPool(double inProcessMs, double clickBodyBytes, RedirectAssumptions assumptions,
                          double flushIntervalSeconds, long seed) {
        this.assumptions = assumptions;
        this.flushIntervalSeconds = flushIntervalSeconds;
        this.hitMs = inProcessMs + assumptions.sqsRoundTripMs();
        this.missMs = hitMs + assumptions.getItemRoundTripMs();
        this.sqsChunksPerClick = RedirectUsage.sqsChunks(clickBodyBytes);
        this.random = new Random(seed);
    }

    @Override
    public void click(double atSeconds, int link) {
        while (!busy.isEmpty() && busy.peek().until() <= atSeconds) {
            release(busy.poll().environment());
        }
        int id = idleCount == 0 ? start(atSeconds) : takeRandomIdle();
        EnvironmentState environment = environments.get(id);
        boolean cached = environment.lookUp(link, atSeconds, assumptions.getItemRoundTripMs() / 1000);
        double ms = cached ? hitMs : missMs;
        clicks++;
        billedMillis += billed(ms);
        occupiedMillis += ms;
        double end = atSeconds + ms / 1000;
        environment.invocationEnded(end);
        busy.add(new Busy(end, id));
        peakConcurrency = Math.max(peakConcurrency, busy.size());
    }

    @Override
    public RedirectUsage finish() {
        long reads = environments.stream().mapToLong(e -> e.reads).sum();
        long lines = environments.stream().mapToLong(e -> e.metricsLines).sum();
        int live = environments.stream().mapToInt(EnvironmentState::maxLiveBound).max().orElse(0);
        return new RedirectUsage(clicks, billedMillis, occupiedMillis / clicks, reads, clicks, clicks * sqsChunksPerClick, lines,
                environments.size(), peakConcurrency, live);
    }

    /** Lambda bills each invocation per started millisecond. */
    static long billed(double ms) {
        return (long) Math.ceil(ms - 1e-9);
    }

    private int start(double at) {
        environments.add(new EnvironmentState(at, assumptions.cacheTtlSeconds(), flushIntervalSeconds));
        return environments.size() - 1;
    }

    private void release(int id) {
        if (idleCount == idle.length) {
            idle = java.util.Arrays.copyOf(idle, idle.length * 2);
        }
        idle[idleCount++] = id;
    }

    private int takeRandomIdle() {
        int i = random.nextInt(idleCount);
        int id = idle[i];
        idle[i] = idle[--idleCount];
        return id;
    }
}
