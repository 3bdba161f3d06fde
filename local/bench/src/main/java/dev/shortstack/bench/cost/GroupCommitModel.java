package dev.shortstack.bench.cost;

import dev.shortstack.shared.click.GroupCommitClickPublisher;

/**
 * {@code GroupCommitClickPublisher}'s batching for one execution environment, replayed step by step on
 * simulated time (counts, not threads). What the code does, and so what is modelled:
 * <ul>
 *   <li>One gatherer takes the first waiting click and everything queued with it, then — while fewer
 *       than {@value GroupCommitClickPublisher#MAX_BATCH} and while any other publish is still
 *       unanswered (queued, or in a batch on the wire) — keeps collecting until {@value #LINGER_MILLIS} ms
 *       after its first click; then it hands the batch to one of {@value #SENDERS} senders (the batch waits
 *       for a free one if all are busy) and starts the next batch.</li>
 *   <li>A sender is busy for the SQS round trip; its clicks are answered when it returns.</li>
 * </ul>
 * Not modelled: thread wake-up latency, and entries refused and sent again alone (SQS accepts all here).
 */
public final class GroupCommitModel {
    /** GroupCommitClickPublisher.SENDERS (private there). */
    static final int SENDERS = 8;
    /** GroupCommitClickPublisher.LINGER (package-private there). */
    static final double LINGER_MILLIS = 2;
    private static final double LINGER_SECONDS = LINGER_MILLIS / 1000;

    private final double roundTripSeconds;
    private final double bodyBytes;
    /** When each sender is free again. */
    private final double[] senderFreeAt = new double[SENDERS];
    /** Batches on the wire: when they are answered, and how many clicks they carry. */
    private final java.util.PriorityQueue<double[]> inFlight = new java.util.PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    private int inFlightClicks;
    private int gathering;
    private double deadline;
    private double now;
    private long calls;
    private long entries;
    private long billedRequests;

    public static String describe() {
        return String.format(java.util.Locale.ROOT, "Group commit (managed instances): GroupCommitClickPublisher replayed on"
                + " simulated time per instance: one gatherer forms messages of at most %d clicks, lingering up to %.0f ms"
                + " after a message's first click while other publishes are unanswered, and hands them to %d senders (on"
                + " standard Lambda, one request per environment: a message of one click per click)", GroupCommitClickPublisher.MAX_BATCH,
                LINGER_MILLIS, SENDERS);
    }

    GroupCommitModel(double roundTripSeconds, double bodyBytes) {
        this.roundTripSeconds = roundTripSeconds;
        this.bodyBytes = bodyBytes;
    }

    /** A request publishes its click at {@code at} (times are taken in order; an earlier one counts as now). */
    void publish(double at) {
        at = Math.max(at, now);
        advanceTo(at);
        now = at;
        if (gathering == 0) {
            gathering = 1;
            deadline = at + LINGER_SECONDS;
            if (inFlightClicks == 0) {
                dispatch(at);
            }
            return;
        }
        gathering++;
        if (gathering == GroupCommitClickPublisher.MAX_BATCH) {
            dispatch(at);
        }
    }

    /** Sends whatever is still being gathered; call once the window is over. */
    void finish() {
        advanceTo(Double.POSITIVE_INFINITY);
        if (gathering > 0) {
            dispatch(deadline);
        }
    }

    long calls() {
        return calls;
    }

    long entries() {
        return entries;
    }

    long billedRequests() {
        return billedRequests;
    }

    private void dispatch(double at) {
        int free = 0;
        for (int i = 1; i < SENDERS; i++) {
            if (senderFreeAt[i] < senderFreeAt[free]) {
                free = i;
            }
        }
        double answeredAt = Math.max(at, senderFreeAt[free]) + roundTripSeconds;
        senderFreeAt[free] = answeredAt;
        inFlight.add(new double[] {answeredAt, gathering});
        inFlightClicks += gathering;
        calls++;
        entries += gathering;
        billedRequests += RedirectUsage.sqsChunks(gathering * bodyBytes);
        gathering = 0;
    }

    /** Runs events up to {@code t}: batches answered, and the gatherer's linger running out. */
    private void advanceTo(double t) {
        while (true) {
            double nextAnswer = inFlight.isEmpty() ? Double.POSITIVE_INFINITY : inFlight.peek()[0];
            double nextDeadline = gathering > 0 ? deadline : Double.POSITIVE_INFINITY;
            double when = Math.min(nextAnswer, nextDeadline);
            if (when > t || when == Double.POSITIVE_INFINITY) {
                return;
            }
            if (nextDeadline <= nextAnswer) {
                dispatch(nextDeadline);
            } else {
                inFlightClicks -= (int) inFlight.poll()[1];
                // Nothing else unanswered: the gatherer stops lingering at once.
                if (gathering > 0 && inFlightClicks == 0) {
                    dispatch(when);
                }
            }
        }
    }
}
