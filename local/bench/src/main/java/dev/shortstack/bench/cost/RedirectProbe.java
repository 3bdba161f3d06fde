package dev.shortstack.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortstack.redirect.entrypoints.CachePolicy;
import dev.shortstack.redirect.entrypoints.RedirectDependencies;
import dev.shortstack.redirect.entrypoints.RedirectFunction;
import dev.shortstack.redirect.lookup.CachedLinkReader;
import dev.shortstack.redirect.service.LoggedClickReplayLog;
import dev.shortstack.redirect.service.RedirectService;
import dev.shortstack.redirect.service.DomainPages;
import dev.shortstack.shared.click.VisitorHasher;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.lambda.FixedContext;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkReader;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.testing.Fixtures;
import dev.shortstack.shared.testing.InMemoryPasswordAttempts;
import dev.shortstack.shared.testing.InMemoryVisitCounter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/**
 * Runs the real {@code RedirectFunction} in this JVM over in-memory fakes — a link table holding the
 * fixture's link, the test visit counter, and a clicks queue that acknowledges at once
 * ({@link InstantClickPublisher}) — wired as {@code RedirectDependencies.of} wires it (Caffeine cache of
 * 10,000 links, 10 s for found links, 5 s for unknown slugs) with the origin check CloudFront's secret
 * header passes (the event carries it), but with an {@link Observability} whose
 * clock the probe moves, so that the 10 s metrics line is written exactly when asked for. It invokes the
 * handler with the bytes of {@code events/redirect/get-slug.json} as the Lambda runtime would (event
 * bytes in, response bytes out) and measures:
 * <ul>
 *   <li>the in-process time of a warm redirect: the median of single-threaded wall times, after a
 *       warm-up, in interleaved rounds of the current and the previous design (whose only difference
 *       here is an EMF line written at every invocation: {@code Observability} with a zero interval);</li>
 *   <li>the bytes written to stdout and stderr — everything a Lambda function sends to CloudWatch Logs:
 *       by the first invocation (the cold-start line), per warm request, and by the invocation after 10 s
 *       (the metrics line); the previous design's per request;</li>
 *   <li>the click event's serialised size and the response's size.</li>
 * </ul>
 * The SQS and DynamoDB round trips are not in these times: the fakes answer at once. It runs in a JVM
 * of its own started with Lambda's flags ({@link LambdaJvm}), so the first invocation is the JVM's first.
 */
public final class RedirectProbe {
    public static final String EVENT = "redirect/get-slug.json";
    /**
     * The value CloudFront sends in {@code x-origin-verify}: a stand-in of the deployed secret's length (Secrets
     * Manager, 48 characters without punctuation, ShortstackStack), so the origin check runs as deployed.
     */
    public static final String ORIGIN_SECRET = "Q7mJ2xVb9KpL4sT8wZc3NfR6hY1dG5eA0uXoWiEkPnMqSrCt";
    /** The fixture's time, with the microseconds {@code Clock.systemUTC()} gives on Linux (so occurredAt is as long). */
    private static final Instant NOW = Instant.parse("2026-11-28T09:30:00.123456Z");
    private static final String SLUG = "launch-2026";
    private static final int CACHE_ENTRIES = 10_000;
    private static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final int PERMANENT_MAX_AGE_SECONDS = 3600;

    private final CapturedOutput output;
    private final byte[] event;
    private final ByteArrayOutputStream response = new ByteArrayOutputStream();

    private RedirectProbe(CapturedOutput output) {
        this.output = output;
        try {
            this.event = Json.mapper().writeValueAsBytes(Fixtures.withHeader(Fixtures.event(EVENT), OriginVerifier.HEADER, ORIGIN_SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The child JVM's entry point ({@link LambdaJvm}): {@code warmup measured rounds}; prints the
     * measurement as one JSON line on the real standard output.
     */
    public static void main(String[] args) throws IOException {
        CapturedOutput output = CapturedOutput.install();
        // The function's own logging configuration (shared/src/main/resources), not the emulators' test one.
        System.setProperty("log4j2.configurationFile", "log4j2.xml");
        System.setProperty("aws.disableEc2Metadata", "true");
        // Powertools writes EMF through the EMF library: tell it it runs in Lambda (stdout), not to look for an agent.
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        RedirectMeasurement measurement = measure(output, Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        output.report().println(Json.mapper().writeValueAsString(measurement));
        output.report().flush();
    }

    /**
     * @param warmup   invocations of each design before timing
     * @param measured invocations of each design timed, in {@code rounds} interleaved rounds
     */
    public static RedirectMeasurement measure(CapturedOutput output, int warmup, int measured, int rounds) {
        return new RedirectProbe(output).run(warmup, measured, rounds);
    }

    private RedirectMeasurement run(int warmup, int measured, int rounds) {
        Wired current = wire(Observability.FLUSH_INTERVAL);
        Wired previous = wire(Duration.ZERO);

        output.record();
        invoke(current);
        long coldStartBytes = output.stop().bytes();

        output.record();
        for (int i = 0; i < warmup; i++) {
            invoke(current);
            invoke(previous);
        }
        output.stop();

        int perRound = measured / rounds;
        long[] currentTimes = new long[perRound * rounds];
        long[] previousTimes = new long[perRound * rounds];
        long currentBytes = 0;
        long previousBytes = 0;
        long currentCpu = 0;
        for (int r = 0; r < rounds; r++) {
            output.record();
            long cpuBefore = processCpuNanos();
            for (int i = 0; i < perRound; i++) {
                currentTimes[r * perRound + i] = invoke(current);
            }
            currentCpu += processCpuNanos() - cpuBefore;
            currentBytes += output.stop().bytes();
            output.record();
            for (int i = 0; i < perRound; i++) {
                previousTimes[r * perRound + i] = invoke(previous);
            }
            previousBytes += output.stop().bytes();
        }
        int timed = perRound * rounds;
        double bytesPerRequest = (double) currentBytes / timed;

        current.clock().addAndGet(Observability.FLUSH_INTERVAL.toNanos());
        output.record();
        invoke(current);
        CapturedOutput.Recording flush = output.stop();
        long flushLineBytes = Math.round(flush.bytes() - bytesPerRequest);

        JsonNode answer = readResponse();
        int status = answer.path("statusCode").asInt();
        long published = current.clicks().published();
        if (status != 302 || published != 1L + warmup + timed + 1) {
            throw new IllegalStateException("The probe did not take the redirect path: status " + status + ", "
                    + published + " clicks published");
        }
        return new RedirectMeasurement(median(currentTimes) / 1e6, median(previousTimes) / 1e6,
                currentCpu / 1e6 / timed, timed, bytesPerRequest, flushLineBytes, coldStartBytes,
                (double) previousBytes / timed, current.clicks().meanBodyBytes(), httpBytes(answer), status,
                flush.sample().strip());
    }

    /** One design: the function and the pieces the probe reads or moves. */
    private record Wired(RedirectFunction function, AtomicLong clock, InstantClickPublisher clicks) {
    }

    private static Wired wire(Duration metricsInterval) {
        AtomicLong nanos = new AtomicLong();
        Observability observability = new Observability("redirect", metricsInterval, nanos::get);
        InstantClickPublisher clicks = new InstantClickPublisher();
        Link link = fixtureLink();
        LinkReader table = slug -> slug.equals(link.slug()) ? Optional.of(link) : Optional.empty();
        LinkReader cached = new CachedLinkReader(table, CACHE_ENTRIES, CACHE_TTL, RedirectDependencies.NEGATIVE_CACHE_TTL,
                Ticker.systemTicker());
        RedirectService service = new RedirectService(cached, new InMemoryVisitCounter(), clicks,
                new VisitorHasher("cost-bench-visitor-hash-key"), new LoggedClickReplayLog(observability), new InMemoryPasswordAttempts());
        RedirectFunction function = new RedirectFunction(new RedirectDependencies(service, DomainPages.none(), observability,
                new CachePolicy(PERMANENT_MAX_AGE_SECONDS), Clock.fixed(NOW, ZoneOffset.UTC)), OriginVerifier.of(ORIGIN_SECRET));
        return new Wired(function, nanos, clicks);
    }

    /** The fixture's slug as the links API stores a link: a random UUID as its id, the fixtures' workspace. */
    private static Link fixtureLink() {
        Instant created = NOW.minus(Duration.ofDays(3));
        return new Link(SLUG, new UUID(0x6f1c2a9e4b3d4e8aL, 0x9c2b7d1e5f4a3b6cL).toString(), Fixtures.WORKSPACE,
                "https://example.com/launch", Link.DEFAULT_REDIRECT_TYPE, created, created, null, null, List.of(), false, 1,
                "key_fixtureadmin");
    }

    /** One invocation as the Lambda runtime makes it; @return its wall time in nanoseconds */
    private long invoke(Wired wired) {
        FixedContext context = FixedContext.invocation("redirect");
        response.reset();
        long started = System.nanoTime();
        try {
            wired.function().handleRequest(new ByteArrayInputStream(event), response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return System.nanoTime() - started;
    }

    private JsonNode readResponse() {
        try {
            return Json.mapper().readTree(response.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as an HTTP/1.1 response: status line, the function's headers, content-length, body. */
    private static int httpBytes(JsonNode answer) {
        String body = answer.path("body").isNull() ? "" : answer.path("body").asText();
        int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.path("statusCode").asInt()).append(" Found\r\n");
        for (Map.Entry<String, JsonNode> header : answer.path("headers").properties()) {
            head.append(header.getKey()).append(": ").append(header.getValue().asText()).append("\r\n");
        }
        head.append("content-length: ").append(bodyBytes).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8).length + bodyBytes;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
