package dev.shortstack.bench;

import dev.shortstack.local.LocalOptions;
import dev.shortstack.local.LocalRunner;
import dev.shortstack.shared.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Freshness on the local runner: how long after its redirect a click shows in the stats API.
 * Sends {@code --clicks} (1,000) human redirects of one link at {@code --rate} (20) per second
 * while a reader asks the link's stats every {@code --poll-ms} (200) ms. Click i counts as shown at
 * the first read whose total is i + 1 or more (clicks are counted, not identified, so a click that
 * overtakes another lends it its time: a close estimate of the lag, not an exact one per click).
 * Reports p50, p99 and the maximum lag, and checks the final count is exact once the queue is
 * quiet. Usage: {@code java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.FreshnessBench}.
 */
public final class FreshnessBench {
    private static final String AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private FreshnessBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clicks = Integer.parseInt(options.getOrDefault("clicks", "1000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "20"));
        int pollMs = Integer.parseInt(options.getOrDefault("poll-ms", "200"));
        System.out.printf(Locale.ROOT, "java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.FreshnessBench %s%n",
                String.join(" ", args));
        try (LocalRunner runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()))) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/links"))
                    .header("Authorization", "Bearer " + runner.adminKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/\",\"slug\":\"fresh\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Could not create the link: " + created.body());
            }
            long[] sentAt = new long[clicks];
            long[] shownAt = new long[clicks];
            ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
            int[] next = {0};
            sender.scheduleAtFixedRate(() -> {
                int i = next[0]++;
                if (i >= clicks) {
                    return;
                }
                try {
                    HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/fresh"))
                            .header("User-Agent", AGENT).build(), HttpResponse.BodyHandlers.discarding());
                    if (redirect.statusCode() != 302) {
                        throw new IllegalStateException("redirect answered " + redirect.statusCode());
                    }
                    sentAt[i] = System.nanoTime();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);

            int shown = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(clicks / rate + 120).toNanos();
            while (shown < clicks && System.nanoTime() < deadline) {
                long total = total(http, runner);
                long now = System.nanoTime();
                while (shown < Math.min(total, clicks)) {
                    shownAt[shown++] = now;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pollMs));
            }
            sender.shutdownNow();
            if (shown < clicks) {
                throw new IllegalStateException("Only " + shown + " of " + clicks + " clicks showed within the time limit");
            }
            double[] lags = new double[clicks];
            for (int i = 0; i < clicks; i++) {
                lags[i] = Math.max(0, (shownAt[i] - sentAt[i]) / 1e6);
            }
            Arrays.sort(lags);
            System.out.printf(Locale.ROOT, "%n| clicks | rate | stats read every | lag p50 | lag p99 | lag max | final count |%n");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            System.out.printf(Locale.ROOT, "| %,d | %d/s | %d ms | %.1f s | %.1f s | %.1f s | %d |%n", clicks, rate, pollMs,
                    lags[clicks / 2] / 1000, lags[(int) Math.ceil(0.99 * clicks) - 1] / 1000, lags[clicks - 1] / 1000, total(http, runner));
        }
    }

    private static long total(HttpClient http, LocalRunner runner) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/links/fresh/stats"))
                .header("Authorization", "Bearer " + runner.adminKey()).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body()).path("totals").path("human").asLong();
    }
}
