package dev.shortstack.bench;

import dev.shortstack.analytics.aggregate.BatchAggregator;
import dev.shortstack.analytics.aggregate.ClickRecord;
import dev.shortstack.analytics.aggregate.CounterWrite;
import dev.shortstack.analytics.aggregate.SketchWrite;
import dev.shortstack.analytics.aggregate.WritePlan;
import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.analytics.entrypoints.AnalyticsDependencies;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.infra.ShortstackResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * DynamoDB writes of the aggregator's logic, counted, not timed: (1) a Zipf-distributed stream
 * of 1,000,000 clicks over 10,000 links, in the event source mapping's batches, as write requests
 * per 1,000 clicks, next to the naive one-write-per-counter baseline; (2) one link taking 50,000
 * clicks/s on a simulated clock, as the most writes per second any one partition key receives,
 * with and without write sharding. Usage: {@code java -cp local/bench/target/shortstack-bench.jar
 * dev.shortstack.bench.AggregatorBench}.
 */
public final class AggregatorBench {
    private static final String[] AGENTS = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Twitterbot/1.0"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "BR", "JP", "CA"};
    private static final String[] REFERRERS = {null, "https://t.co/x", "https://news.ycombinator.com/", "https://www.reddit.com/r/a"};

    private AggregatorBench() {
    }

    public static void main(String[] args) {
        ClickClassifier classifier = new ClickClassifier();
        int batchSize = ShortstackResources.CLICKS.batchSize();
        int shards = AnalyticsDependencies.DEFAULT_COUNTER_SHARDS;
        Random random = new Random(7);

        // (1) Zipf stream: requests per 1,000 clicks, at the configured batch size and at 100 for comparison.
        int clicks = 1_000_000;
        System.out.printf(Locale.ROOT, "%nZipf(s=1.0) stream: %,d clicks over 10,000 links%n", clicks);
        System.out.println("| batch size | writes | requests | per 1,000 clicks | × baseline | sketch updates (a read + a write each) |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: |");
        for (int size : new int[] {100, batchSize}) {
            ZipfSampler zipf = new ZipfSampler(10_000, 1.0, random);
            BatchAggregator aggregator = new BatchAggregator(() -> random.nextInt(shards));
            long requests = 0;
            long sketchUpdates = 0;
            long naive = 0;
            Instant start = Instant.parse("2026-11-27T00:00:00Z");
            List<ClickRecord> batch = new ArrayList<>(size);
            for (int i = 0; i < clicks; i++) {
                batch.add(click(classifier, "link-" + zipf.next(), start.plusMillis(i * 50L), i, random));
                if (batch.size() == size || i == clicks - 1) {
                    WritePlan plan = aggregator.plan(batch);
                    requests += plan.requestCount();
                    sketchUpdates += plan.sketches().size();
                    // Without aggregation: per click, one UpdateItem per counter (hour, each dimension, workspace) and a sketch read + write.
                    naive += batch.stream().mapToLong(c -> 1 + c.classification().dimensions().size() + (c.classification().bot() ? 0 : 1 + 2)).sum();
                    batch.clear();
                }
            }
            System.out.printf(Locale.ROOT, "| %d | one per counter per click (baseline) | %,d | %.0f | 1.000 | |%n", size, naive, naive * 1000.0 / clicks);
            System.out.printf(Locale.ROOT, "| %d | aggregated per batch (Shortstack) | %,d | %.0f | %.3f | %,d |%n", size, requests,
                    requests * 1000.0 / clicks, (double) requests / naive, sketchUpdates);
        }

        // (2) One viral link at 50,000 clicks/s for 60 simulated seconds.
        System.out.printf(Locale.ROOT, "%nOne link at 50,000 clicks/s for 60 s (simulated clock)%n");
        System.out.println("| batch size | write shards | most writes/s on one partition key |");
        System.out.println("| ---: | ---: | ---: |");
        for (int size : new int[] {100, batchSize}) {
            for (int shardCount : new int[] {1, shards}) {
                System.out.printf(Locale.ROOT, "| %d | %d | %,d |%n", size, shardCount, hottestPartition(classifier, shardCount, size, new Random(11)));
            }
        }
    }

    /** Writes per (partition key, simulated second); the highest is what DynamoDB's 1,000 writes/s limit applies to. */
    private static long hottestPartition(ClickClassifier classifier, int shardCount, int batchSize, Random random) {
        BatchAggregator aggregator = new BatchAggregator(() -> random.nextInt(shardCount));
        Map<String, Long> perKeySecond = new HashMap<>();
        int rate = 50_000;
        Instant start = Instant.parse("2026-11-27T12:00:00Z");
        List<ClickRecord> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < rate * 60; i++) {
            Instant at = start.plusNanos(i * (1_000_000_000L / rate));
            batch.add(click(classifier, "viral", at, i, random));
            if (batch.size() == batchSize) {
                long second = (at.toEpochMilli() - start.toEpochMilli()) / 1000;
                WritePlan plan = aggregator.plan(batch);
                for (CounterWrite w : plan.counters()) {
                    perKeySecond.merge(w.pk() + "@" + second, 1L, Long::sum);
                }
                for (SketchWrite w : plan.sketches()) {
                    perKeySecond.merge(w.pk() + "@" + second, 1L, Long::sum);   // the conditional put (the read is not a write)
                }
                batch.clear();
            }
        }
        return perKeySecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static ClickRecord click(ClickClassifier classifier, String link, Instant at, int i, Random random) {
        ClickEvent event = new ClickEvent(1, "c" + i, link, link, "ws-" + (link.hashCode() & 7), at.toString(), "GET", 302,
                AGENTS[random.nextInt(AGENTS.length)], REFERRERS[random.nextInt(REFERRERS.length)], "en-US",
                COUNTRIES[random.nextInt(COUNTRIES.length)], "v" + random.nextInt(200_000));
        return new ClickRecord(event.clickId(), event, classifier.classify(event));
    }

    /** Zipf over 1..n by inverse transform on the precomputed CDF. */
    private static final class ZipfSampler {
        private final double[] cdf;
        private final Random random;

        ZipfSampler(int n, double s, Random random) {
            this.random = random;
            this.cdf = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1.0 / Math.pow(k, s);
                cdf[k - 1] = sum;
            }
            for (int k = 0; k < n; k++) {
                cdf[k] /= sum;
            }
        }

        int next() {
            int index = java.util.Arrays.binarySearch(cdf, random.nextDouble());
            return index >= 0 ? index : -index - 1;
        }
    }
}
