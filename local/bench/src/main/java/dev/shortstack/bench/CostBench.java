package dev.shortstack.bench;

import static dev.shortstack.bench.cost.CostTable.num;

import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.bench.cost.ArrivalSimulator;
import dev.shortstack.bench.cost.Assumptions;
import dev.shortstack.bench.cost.ComputeOption;
import dev.shortstack.bench.cost.CpuProbe;
import dev.shortstack.bench.cost.FrontDoor;
import dev.shortstack.bench.cost.FrontDoorBytes;
import dev.shortstack.bench.cost.GroupCommitModel;
import dev.shortstack.bench.cost.LambdaEnvironmentPool;
import dev.shortstack.bench.cost.LambdaJvm;
import dev.shortstack.bench.cost.LogLineBytes;
import dev.shortstack.bench.cost.Prices;
import dev.shortstack.bench.cost.ProfileResult;
import dev.shortstack.bench.cost.ProfileRun;
import dev.shortstack.bench.cost.ReadmeSection;
import dev.shortstack.bench.cost.RedirectAssumptions;
import dev.shortstack.bench.cost.RedirectCost;
import dev.shortstack.bench.cost.RedirectCostTable;
import dev.shortstack.bench.cost.RedirectDesign;
import dev.shortstack.bench.cost.RedirectMeasurement;
import dev.shortstack.bench.cost.RedirectProbe;
import dev.shortstack.bench.cost.RedirectTraffic;
import dev.shortstack.bench.cost.RedirectUsage;
import dev.shortstack.bench.cost.TrafficProfile;
import dev.shortstack.shared.observability.Observability;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a click costs, all in, per million clicks: the front door, the redirect's compute, its click
 * event on SQS, its link reads from DynamoDB, its logs, and the analytics behind it — for each traffic
 * profile of {@link AnalyticsCostBench} (low 1M clicks a month over 1,000 links, medium 100M over
 * 100,000, high 3B over 10M) and each way of serving the redirect, in one run. Counts, not times; the
 * one time it needs is measured.
 *
 * <p><b>Rows.</b> The previous design (two front doors, one SendMessage and one EMF line per click,
 * write-time counters, 1,024 MB); two front doors (CloudFront + API Gateway HTTP API) on standard Lambda
 * with SnapStart at 1,024 MB, as deployed until commit 1295a35; one front door (CloudFront → Lambda
 * function URL, as deployed now) on standard Lambda at 1,024 and 512 MB; one front door on Lambda
 * Managed Instances (the stage option).
 *
 * <p><b>How.</b> {@link RedirectProbe} runs the real {@code RedirectFunction} over in-memory fakes in a JVM
 * started with Lambda's flags, invokes it with {@code events/redirect/get-slug.json} and measures its
 * in-process time (median, warm), the bytes it writes to stdout/stderr (CloudWatch Logs), the click
 * event's size and the answer's size. {@link RedirectTraffic} replays the profile's simulated clicks (the
 * {@link ArrivalSimulator} stream of AnalyticsCostBench, same seed) into a model of each compute option:
 * execution environments with their own 10 s link caches and 10 s metrics lines, Lambda's billed
 * milliseconds per invocation (in-process time stretched by the memory's CPU share, plus the stated SQS and
 * GetItem round trips), and on managed instances the group-commit publisher's messages (the clicks of concurrent requests share one). The
 * analytics and the consumption of the clicks queue are AnalyticsCostBench's own results for the profile
 * ({@link ProfileRun}): "old" for the previous design, "new" for the others. Dollars at {@link Prices}.
 *
 * <p>Usage: {@code java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.CostBench
 * [--seed N] [--profiles low,medium,high] [--handler-ms X] [--cpu-us-per-click X] [--readme README.md]}.
 * With {@code --handler-ms} (and the analytics' {@code --cpu-us-per-click}, 15 µs unless given) the
 * output is the same on every run for a seed. {@code --readme} rewrites only the lines between
 * {@code <!-- cost-bench:begin -->} and {@code <!-- cost-bench:end -->} with the low profile's table for
 * the deployment as it stands (one front door, standard Lambda) and the two-front-door total beside it.
 */
public final class CostBench {
    private static final double MEDIUM_LAMBDA_GOAL = 1.50;
    private static final double HIGH_MANAGED_GOAL = 1.30;
    /** AnalyticsCostBench's documented run fixes its per-click CPU at this (docs/performance.md). */
    private static final double DEFAULT_FIXED_CPU_US_PER_CLICK = 15;
    private static final double PARQUET_BYTES_PER_CLICK = 40;
    private static final int PROBE_WARMUP = 30_000;
    private static final int PROBE_MEASURED = 30_000;
    private static final int PROBE_ROUNDS = 6;
    /** When the time is given, the probe still runs for the bytes, briefly. */
    private static final int PROBE_BYTES_ONLY = 2_000;
    private static final List<String> OPTIONS = List.of("--seed", "--profiles", "--handler-ms", "--cpu-us-per-click", "--readme");

    private CostBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        List<TrafficProfile> profiles = TrafficProfile.parse(options.getOrDefault("--profiles", "low,medium,high"));
        Optional<Path> readme = Optional.ofNullable(options.get("--readme")).map(Path::of);
        if (readme.isPresent()) {
            Optional<String> problem = ReadmeSection.problem(readme.get());
            if (problem.isPresent() || !profiles.contains(TrafficProfile.LOW)) {
                System.err.println("error: " + problem.orElse("--readme needs the low profile in --profiles"));
                System.exit(2);
            }
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        String command = "java -cp local/bench/target/shortstack-bench.jar " + CostBench.class.getName()
                + (args.length == 0 ? "" : " " + String.join(" ", args));

        progress(started, "measuring the redirect in a JVM with Lambda's flags");
        RedirectMeasurement measured = options.containsKey("--handler-ms")
                ? LambdaJvm.probe(PROBE_BYTES_ONLY, PROBE_BYTES_ONLY, 2).withHandlerMs(Double.parseDouble(options.get("--handler-ms")))
                : LambdaJvm.probe(PROBE_WARMUP, PROBE_MEASURED, PROBE_ROUNDS);
        Assumptions analyticsAssumptions = analyticsAssumptions(options, seed, started);
        RedirectAssumptions assumptions = RedirectAssumptions.defaults();
        FrontDoorBytes wire = FrontDoorBytes.of(measured);
        List<RedirectDesign> designs = RedirectDesign.all(measured, assumptions);
        List<ComputeOption> computeOptions = designs.stream().map(RedirectDesign::compute).distinct().toList();

        out.println("# Redirect cost per million clicks, all in");
        out.println();
        out.println("`" + command + "`");
        out.println();
        printMeasurement(out, measured, wire, seed, profiles);

        RedirectCostTable table = new RedirectCostTable(out, assumptions);
        Map<TrafficProfile, List<RedirectCost>> results = new LinkedHashMap<>();
        for (TrafficProfile profile : profiles) {
            progress(started, "analytics of " + profile.name() + " (AnalyticsCostBench's model)");
            ProfileResult analytics = ProfileRun.run(profile, analyticsAssumptions, new ClickClassifier(), seed);
            progress(started, "redirects of " + profile.name());
            Map<ComputeOption, RedirectUsage> usage = RedirectTraffic.run(profile, computeOptions, measured.clickBodyBytes(),
                    assumptions, Observability.FLUSH_INTERVAL.toMillis() / 1000.0, seed);
            List<RedirectCost> costs = new ArrayList<>();
            for (RedirectDesign design : designs) {
                costs.add(RedirectCost.of(design, usage.get(design.compute()), profile, measured, wire, analytics, assumptions));
            }
            results.put(profile, costs);
            table.print(profile, costs);
        }

        printGoals(out, results);
        printAssumptions(out, measured, wire, assumptions, analyticsAssumptions);
        printNotModelled(out);

        readme.ifPresent(path -> {
            List<RedirectCost> low = results.get(TrafficProfile.LOW);
            ReadmeSection.rewrite(path, ReadmeSection.render(TrafficProfile.LOW,
                    find(low, d -> d.isLambdaAsDeployed(FrontDoor.ONE_DOOR, assumptions)),
                    find(low, d -> d.isLambdaAsDeployed(FrontDoor.TWO_DOORS, assumptions)), command));
            progress(started, "rewrote the cost-bench section of " + path);
        });
        progress(started, "done");
    }

    private static Assumptions analyticsAssumptions(Map<String, String> options, long seed, long started) {
        if (options.containsKey("--cpu-us-per-click")) {
            return Assumptions.defaults(Double.parseDouble(options.get("--cpu-us-per-click")), 0, PARQUET_BYTES_PER_CLICK);
        }
        if (options.containsKey("--handler-ms")) {
            return Assumptions.defaults(DEFAULT_FIXED_CPU_US_PER_CLICK, 0, PARQUET_BYTES_PER_CLICK);
        }
        progress(started, "measuring the aggregator's per-click CPU (AnalyticsCostBench's probe)");
        int measuredClicks = 300_000;
        double micros = CpuProbe.microsPerClick(new ClickClassifier(), 100_000, measuredClicks, seed);
        return Assumptions.defaults(micros, measuredClicks, PARQUET_BYTES_PER_CLICK);
    }

    private static void printMeasurement(PrintStream out, RedirectMeasurement m, FrontDoorBytes wire, long seed,
                                         List<TrafficProfile> profiles) {
        out.printf(Locale.ROOT, "seed %d, profiles %s%n%n", seed, String.join(",", profiles.stream().map(TrafficProfile::name).toList()));
        if (m.timesMeasured()) {
            out.printf(Locale.ROOT, "**Redirect in-process time: %.4f ms measured in this run** (median of %,d warm redirects of"
                            + " `events/redirect/get-slug.json`, a cache hit, in a JVM with %s, on this machine; the previous design's"
                            + " EMF line per request: %.4f ms; the whole JVM's CPU per redirect, GC included: %.4f ms). Run again"
                            + " with `--handler-ms %s` for the same output every time.%n%n",
                    m.handlerMs(), m.measuredInvocations(), String.join(" ", LambdaJvm.FLAGS), m.previousHandlerMs(),
                    m.processCpuMsPerRequest(), String.format(Locale.ROOT, "%.3f", m.handlerMs()));
        } else {
            out.printf(Locale.ROOT, "Redirect in-process time: %s ms, given with --handler-ms (for both designs).%n%n", num(m.handlerMs()));
        }
        out.printf(Locale.ROOT, "Measured from the function: a warm redirect writes %s bytes to stdout/stderr; the first invocation of"
                        + " a JVM %,d bytes; the metrics line due after 10 s %,d bytes; the previous design's line per request %s bytes;"
                        + " the click event %s bytes; the answer %,d bytes (status %d) → %,d bytes to the viewer with CloudFront's"
                        + " headers, %,d bytes forwarded to the origin. The metrics line, as written:%n%n```%n%s%n```%n",
                num(m.functionBytesPerRequest()), m.coldStartBytes(), m.flushLineBytes(), num(m.previousBytesPerRequest()),
                num(m.clickBodyBytes()), m.responseBytes(), m.responseStatus(), wire.toViewer(), wire.toOrigin(), m.flushLineSample());
    }

    private static void printGoals(PrintStream out, Map<TrafficProfile, List<RedirectCost>> results) {
        out.printf(Locale.ROOT, "%n## Goals%n%n");
        goal(out, results, TrafficProfile.MEDIUM, MEDIUM_LAMBDA_GOAL, "lambda (one front door, 1,024 MB)",
                d -> d.isLambdaAsDeployed(FrontDoor.ONE_DOOR, RedirectAssumptions.defaults()));
        goal(out, results, TrafficProfile.HIGH, HIGH_MANAGED_GOAL, "managed-instances (one front door)",
                d -> d.compute().kind() == ComputeOption.Kind.MANAGED_INSTANCES);
    }

    private static void goal(PrintStream out, Map<TrafficProfile, List<RedirectCost>> results, TrafficProfile profile, double limit,
                             String option, Predicate<RedirectDesign> row) {
        List<RedirectCost> costs = results.get(profile);
        if (costs == null) {
            out.printf(Locale.ROOT, "SKIP: ≤ $%.2f per million clicks at %s on %s (%s was not run)%n", limit, profile.name(), option,
                    profile.name());
            return;
        }
        RedirectCost cost = find(costs, row);
        out.printf(Locale.ROOT, "%s: ≤ $%.2f per million clicks at %s on %s: $%s (front door $%s, the rest $%s)%n",
                cost.total() <= limit ? "PASS" : "FAIL", limit, profile.name(), option, num(cost.total()), num(cost.frontDoor()),
                num(cost.total() - cost.frontDoor()));
    }

    private static void printAssumptions(PrintStream out, RedirectMeasurement m, FrontDoorBytes wire, RedirectAssumptions assumptions,
                                         Assumptions analytics) {
        out.printf(Locale.ROOT, "%n## Assumptions%n%n");
        assumptions.describe().forEach(line -> out.println("- " + line));
        out.println("- " + LambdaEnvironmentPool.describe());
        out.println("- " + GroupCommitModel.describe());
        out.printf(Locale.ROOT, "- Metrics: one EMF line per environment at the end of the first invocation %d s or more after its"
                        + " previous line (or its start), as Observability does; the cold-start invocation writes %,d bytes (measured)"
                        + "; each EMF line in Lambda also carries %d bytes of the environment's properties (LambdaEnvironment:"
                        + " execution environment, function version, log stream); the previous design's line per request also had"
                        + " HandlerLatency (+%d bytes)%n",
                Observability.FLUSH_INTERVAL.toSeconds(), m.coldStartBytes(), LogLineBytes.lambdaEmfProperties(),
                LogLineBytes.previousLatencyMetric());
        out.printf(Locale.ROOT, "- Lambda's platform lines: the previous design wrote START, END and"
                        + " REPORT per invocation in the text log format (~%d bytes at 9 ms billed and 1,024 MB; no system log level"
                        + " was set, so all three were ingested); the redirect now runs with the JSON log format and system log level"
                        + " WARN (ShortstackStack), which writes none of them, on Lambda and on managed instances alike; no per-event"
                        + " overhead added%n",
                LogLineBytes.platformLines(8.5, 9, 1024));
        out.printf(Locale.ROOT, "- Front door bytes: the answer as HTTP/1.1 text with CloudFront's security and own headers (%,d bytes"
                        + " to the viewer), the request line with the 6 forwarded viewer headers (Cdn.REDIRECT_HEADERS) and CloudFront's"
                        + " own (%,d bytes to the origin); no TLS or HTTP/2 framing; GB = 2^30 bytes; HTTP API at its mean tiered"
                        + " price for the profile's month ($1.00 per million to 300M, $0.90 beyond); CloudFront $%s per million HTTPS"
                        + " requests, $%s/GB out, $%s/GB to the origin%n", wire.toViewer(), wire.toOrigin(),
                num(Prices.CLOUDFRONT_HTTPS_REQUEST * 1e6), num(Prices.CLOUDFRONT_DATA_OUT_GB), num(Prices.CLOUDFRONT_TO_ORIGIN_GB));
        out.printf(Locale.ROOT, "- SQS: the click event's measured body (%s bytes) per message; a call is billed per started 64 KB of its"
                        + " messages, so even 10 clicks with every header at its 1,024-character clip stay one request%n",
                num(m.clickBodyBytes()));
        out.printf(Locale.ROOT, "- Managed instances: m7g.large at $%s an hour + %.0f %% management fee, $%s per million requests,"
                        + " no duration charge (Prices.java: NOT checked online); the instances run all month%n",
                num(Prices.M7G_LARGE_HOUR), Prices.MANAGED_INSTANCES_FEE_SHARE * 100, num(Prices.MANAGED_INSTANCES_REQUEST * 1e6));
        out.println("- Every click is the fixture's browser GET on an active link without a visit limit (302, no-store: CloudFront"
                + " never answers it from cache)");
        out.println("- " + ArrivalSimulator.describe());
        out.printf(Locale.ROOT, "- Analytics and queue consumption: AnalyticsCostBench's results for the same profile and seed (its own"
                        + " assumptions apply: run it for them; it has one message per click); on managed instances the clicks that"
                        + " shared a call share one message (GroupCommitClickPublisher), so the consumer's receives and deletes, both"
                        + " counted per message, are divided by the clicks per call; its per-click CPU %.2f µs (%s)%n",
                analytics.cpuMicrosPerClick(),
                analytics.cpuMeasuredClicks() > 0 ? "measured in this run" : "given; 15 µs as in docs/performance.md unless --cpu-us-per-click");
        out.println("- Prices: us-east-1 list prices, before free tiers, in dev.shortstack.bench.cost.Prices; a month is 30 days");
    }

    private static void printNotModelled(PrintStream out) {
        out.printf(Locale.ROOT, "%n## Not modelled%n%n");
        List.of(
                "Free tiers, Savings Plans, reserved or spot instances, CloudFront's flat-rate plans",
                "The SDK's CPU for the SQS and DynamoDB calls (the fakes answer at once; it is inside the stated round trips for"
                        + " Lambda, and missing from the managed instances' CPU sizing), and the hand-off of a click to the"
                        + " publisher's sender thread and back (the probe's publisher answers in the request's thread)",
                "SnapStart restores (their billed restore time, RESTORE lines) and new environments' first slower invocations;"
                        + " the priming GetItem at each version publish",
                "Lambda's placement policy and idle reclaim (see the environment model); a daily traffic cycle (arrivals are Poisson"
                        + " at the month's mean rate)",
                "Managed instances: the capacity provider's own scaling, more than one environment per instance, the instances'"
                        + " EBS volumes and their network, and whether Lambda writes platform lines for them",
                "404s, 410s, HEAD requests, bots, visit limits, permanent redirects CloudFront could cache; retries, throttling,"
                        + " clicks refused by SQS (the replay log's lines)",
                "CloudFront's standard logs (enabled, to S3: their PUTs and storage), TLS and HTTP/2 framing, the OAC signature"
                        + " headers on the one-front-door origin request, API Gateway's own response headers",
                "CloudWatch Logs storage after ingestion (14 days' retention, on compressed bytes) and any per-event overhead",
                "Fixed monthly costs that do not grow with clicks: alarms, dashboards, Secrets Manager, the queues' idle polling"
                        + " (README's idle table)",
                "Analytics: what AnalyticsCostBench leaves out (the read path, the old design's nightly rebuild, free tiers, ...)")
                .forEach(line -> out.println("- " + line));
    }

    private static RedirectCost find(List<RedirectCost> costs, Predicate<RedirectDesign> row) {
        return costs.stream().filter(c -> row.test(c.design())).findFirst().orElseThrow();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("Usage: CostBench [--seed N] [--profiles low,medium,high] [--handler-ms X]"
                        + " [--cpu-us-per-click X] [--readme README.md]; not understood: " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static void progress(long started, String what) {
        System.err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }
}
