package dev.shortstack.bench.cost;

import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.infra.ShortstackResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Clicks arriving as a Poisson process at the profile's mean rate, links drawn Zipf(1.0), grouped
 * into batches as the clicks queue's event source mapping groups them: a batch closes when it holds
 * {@code batchSize} messages or {@code batchingWindowSeconds} after its first message, whichever
 * comes first; the next batch starts with the next message. One batcher (one poller) is modelled.
 */
public final class ArrivalSimulator {
    public static final int BATCH_SIZE = ShortstackResources.CLICKS.batchSize();
    public static final double BATCHING_WINDOW_SECONDS = ShortstackResources.CLICKS.maxBatchingWindowSeconds();

    private final TrafficProfile profile;
    private final ClickFactory factory;
    private final ZipfSampler links;
    private final Random random;

    public ArrivalSimulator(TrafficProfile profile, long seed) {
        this.profile = profile;
        this.factory = new ClickFactory(profile);
        this.links = new ZipfSampler(profile.links(), 1.0);
        this.random = new Random(seed);
    }

    public static String describe() {
        return String.format(Locale.ROOT, "Batches: %d messages or %.0f s after the first (ShortstackResources.CLICKS), one batcher;"
                + " Poisson arrivals at the profile's mean rate (no daily cycle); links Zipf(1.0), link i in workspace i mod W",
                BATCH_SIZE, BATCHING_WINDOW_SECONDS);
    }

    /** Runs the whole window, handing each batch to {@code sink} as it closes. */
    public void run(Consumer<Batch> sink) {
        double rate = profile.clicksPerSecond();
        double end = profile.window().toNanos() / 1e9;
        double next = exponential(rate);
        while (next < end) {
            double first = next;
            double closeAt = first + BATCHING_WINDOW_SECONDS;
            List<ClickEvent> clicks = new ArrayList<>();
            List<Integer> batchLinks = new ArrayList<>();
            List<Double> arrivals = new ArrayList<>();
            double closed;
            while (true) {
                int link = links.next(random);
                clicks.add(factory.click(link, at(next), random));
                batchLinks.add(link);
                arrivals.add(next);
                double following = next + exponential(rate);
                if (clicks.size() == BATCH_SIZE) {
                    closed = next;
                    next = following;
                    break;
                }
                if (following > closeAt || following >= end) {
                    closed = closeAt;
                    next = following;
                    break;
                }
                next = following;
            }
            sink.accept(new Batch(clicks, batchLinks.stream().mapToInt(Integer::intValue).toArray(),
                    arrivals.stream().mapToDouble(Double::doubleValue).toArray(), at(closed)));
        }
    }

    private Instant at(double seconds) {
        return profile.windowStart().plusNanos(Math.round(seconds * 1e9));
    }

    private double exponential(double rate) {
        return -Math.log(1.0 - random.nextDouble()) / rate;
    }
}
