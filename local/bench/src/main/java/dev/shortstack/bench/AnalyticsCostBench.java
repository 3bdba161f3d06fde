package dev.shortstack.bench;

import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.bench.cost.ArrivalSimulator;
import dev.shortstack.bench.cost.ClickFactory;
import dev.shortstack.bench.cost.Assumptions;
import dev.shortstack.bench.cost.CompactionModel;
import dev.shortstack.bench.cost.CostTable;
import dev.shortstack.bench.cost.CpuProbe;
import dev.shortstack.bench.cost.OldCounterDesign;
import dev.shortstack.bench.cost.ProfileResult;
import dev.shortstack.bench.cost.ProfileRun;
import dev.shortstack.bench.cost.TrafficProfile;
import dev.shortstack.bench.cost.Usage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What click analytics cost per click, in billed units and list-price dollars, before and after
 * this commit: the old design's write-time counters in DynamoDB against the new design's archive
 * that is computed on read. Counts, not times.
 *
 * <p><b>What it counts.</b> For each traffic profile (low: 1M clicks a month over 1,000 links and 1
 * workspace; medium: 100M over 100,000 links and 100 workspaces; high: 3B over 10M links and 1,000
 * workspaces) it simulates Poisson arrivals at the profile's mean rate with Zipf(1.0) links and a
 * realistic visitor mix, groups them as the clicks queue's event source mapping does (500 messages
 * or 5 s after the first), and per 1,000 clicks counts: DynamoDB WRU and RRU, S3 tier-1 requests
 * (PUT, COPY, POST, LIST) and GETs, Lambda invocations and GB-s (aggregator and compactor), the
 * SQS requests of consuming the clicks queue (a column of its own), and dollars: analytics (DynamoDB,
 * S3 requests, one month of storage of the clicks' bytes, Lambda, the compactions queue) and queue
 * consumption, at the list prices of {@link dev.shortstack.bench.cost.Prices}. It checks the goals:
 * at most 5 WRU per 1,000 clicks for the new design at every profile, and at most $0.10 of analytics
 * per million clicks at the medium profile.
 *
 * <p><b>How.</b> The new design is the real code on every batch: {@code ClickClassifier},
 * {@code Classification.archived}, {@code ArchiveWriter} and {@code ArchiveCodec} (real object counts
 * and gzip sizes), {@code ArchiveDays} for late hours; its compaction, hour by hour (24 runs a day,
 * each adding a part of the hour's clicks; a finished day of at most 20M clicks merged into one part
 * by its run after midnight), follows {@code CompactArchiveFunction}, {@code CompactionService} and
 * {@code DynamoArchiveCatalog} request by request ({@link CompactionModel}), as they stand at commit
 * 9493a10. The high profile simulates one hour, not a day (see the printed assumptions for what that
 * under- and over-counts).
 * The old design ({@link OldCounterDesign}) is the replaced aggregator as arithmetic: per batch and
 * touched item one UpdateItem billed on the item's real size before and after (every item's values
 * and counters kept from the window's start), the sketch's read and conditional write, and the raw
 * archive it also wrote. The per-click CPU time of parse + classify + encode is measured in this run
 * and turned into Lambda duration with the round-trip assumptions printed under the tables.
 *
 * <p><b>What it does not count.</b> Reading: the stats API's queries (DuckDB over S3, or the old
 * counters' Queries) and the dashboard. The old design's nightly rebuild (a LIST and GET of every
 * raw object and a PutItem per rebuilt item: it would make the old design dearer). The redirect's
 * SendMessage (see the redirect path). Idle costs that do not grow with clicks: the event source
 * mappings' empty long polls, EventBridge (scheduled rules are free), CloudWatch logs and metrics.
 * Free tiers. Retries, redeliveries and sketch write conflicts. Late deliveries: the late-object path
 * is modelled, but a simulated batch is processed when it closes, so none is late. Storage after the
 * first month and lifecycle transitions (objects under 128 KB stay in S3 Standard). Several pollers
 * forming smaller batches at once. The time to move bytes (GETs and PUTs are timed as round trips
 * only, the merge run's read-back of a day's Parquet too), and whether a run fits the compactor's memory.
 * Athena queries through the workgroup. The rollup files' bytes (their PUTs, LISTs and deletes are counted).
 *
 * <p>Usage: {@code java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.AnalyticsCostBench
 * [--seed N] [--parquet-bytes-per-click N] [--profiles low,medium,high] [--cpu-us-per-click X]}.
 * Every count is deterministic for a seed; durations and dollars also depend on the measured CPU
 * time unless {@code --cpu-us-per-click} fixes it.
 */
public final class AnalyticsCostBench {
    private static final double MAX_NEW_WRU_PER_THOUSAND = 5;
    private static final double MAX_MEDIUM_DOLLARS_PER_MILLION = 0.10;
    private static final int CPU_WARMUP_CLICKS = 100_000;
    private static final int CPU_MEASURED_CLICKS = 300_000;

    private AnalyticsCostBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        double parquetBytesPerClick = Double.parseDouble(options.getOrDefault("--parquet-bytes-per-click", "40"));
        List<TrafficProfile> profiles = TrafficProfile.parse(options.getOrDefault("--profiles", "low,medium,high"));
        PrintStream out = System.out;
        long started = System.nanoTime();

        out.println("# Analytics cost per click: write-time counters (old) vs computed on read (new)");
        out.println();
        out.println("`java -cp local/bench/target/shortstack-bench.jar " + AnalyticsCostBench.class.getName()
                + (args.length == 0 ? "" : " " + String.join(" ", args)) + "`");
        out.printf(Locale.ROOT, "%nseed %d, Parquet %s bytes per click, profiles %s%n", seed, CostTable.num(parquetBytesPerClick),
                String.join(",", profiles.stream().map(TrafficProfile::name).toList()));

        ClickClassifier classifier = new ClickClassifier();
        Assumptions assumptions;
        if (options.containsKey("--cpu-us-per-click")) {
            assumptions = Assumptions.defaults(Double.parseDouble(options.get("--cpu-us-per-click")), 0, parquetBytesPerClick);
        } else {
            progress(started, "measuring per-click CPU");
            double micros = CpuProbe.microsPerClick(classifier, CPU_WARMUP_CLICKS, CPU_MEASURED_CLICKS, seed);
            assumptions = Assumptions.defaults(micros, CPU_MEASURED_CLICKS, parquetBytesPerClick);
        }

        CostTable table = new CostTable(out, assumptions);
        List<ProfileResult> results = new ArrayList<>();
        for (TrafficProfile profile : profiles) {
            progress(started, "simulating " + profile.name());
            ProfileResult result = ProfileRun.run(profile, assumptions, classifier, seed);
            results.add(result);
            table.print(result);
        }

        printGoals(out, results, assumptions);
        printAssumptions(out, results, assumptions);
        progress(started, "done");
    }

    private static void printGoals(PrintStream out, List<ProfileResult> results, Assumptions assumptions) {
        out.printf(Locale.ROOT, "%n## Goals%n%n");
        for (ProfileResult result : results) {
            Usage usage = result.newDesign();
            double wru = usage.perThousandClicks(usage.writeUnits);
            out.printf(Locale.ROOT, "%s: new design ≤ %s WRU per 1,000 clicks at %s: %s%n", wru <= MAX_NEW_WRU_PER_THOUSAND ? "PASS" : "FAIL",
                    CostTable.num(MAX_NEW_WRU_PER_THOUSAND), result.profile().name(), CostTable.num(wru));
        }
        results.stream().filter(r -> r.profile().equals(TrafficProfile.MEDIUM)).findFirst().ifPresentOrElse(medium -> {
            double dollars = medium.newDesign().dollarsPerMillionClicks().analytics();
            out.printf(Locale.ROOT, "%s: analytics ≤ $%.2f per million clicks at medium: $%s%n",
                    dollars <= MAX_MEDIUM_DOLLARS_PER_MILLION ? "PASS" : "FAIL", MAX_MEDIUM_DOLLARS_PER_MILLION, CostTable.num(dollars));
        }, () -> out.printf(Locale.ROOT, "SKIP: analytics ≤ $%.2f per million clicks at medium (medium was not run)%n",
                MAX_MEDIUM_DOLLARS_PER_MILLION));
        for (ProfileResult result : results) {
            result.compactions().stream().filter(CompactionModel.DayCompaction::exceedsTimeout).forEach(d -> out.printf(Locale.ROOT,
                    "WARN: at %s the longest modelled compaction run (hour %02d) takes %,.0f s, over the compactor's %d s timeout%n",
                    result.profile().name(), d.longestHour(), d.longestRunSeconds(), assumptions.compactorTimeoutSeconds()));
        }
    }

    private static void printAssumptions(PrintStream out, List<ProfileResult> results, Assumptions assumptions) {
        out.printf(Locale.ROOT, "%n## Assumptions%n%n");
        assumptions.describe().forEach(line -> out.println("- " + line));
        out.println("- " + ArrivalSimulator.describe());
        out.println("- " + ClickFactory.describe());
        out.printf(Locale.ROOT, "- Old design: %d write shards drawn per batch; every item starts empty at the window's start%n",
                OldCounterDesign.SHARDS);
        for (ProfileResult result : results) {
            TrafficProfile profile = result.profile();
            if (!profile.wholeDay()) {
                out.printf(Locale.ROOT, "- %s: one simulated %s (%,d clicks) stands for its day. The old design's items start"
                        + " empty at %s, so its writes and sketch reads are UNDER-counted (a day's items are larger in its later"
                        + " hours), and its DynamoDB storage per click is an hour's items over an hour's clicks (more than a day's"
                        + " would be). The compaction's runs are modelled on a day whose every hour is like the simulated one (raw"
                        + " objects, each workspace's clicks), and %.1f %% of that day is charged to the window%n",
                        profile.name(), profile.window().toMinutes() == 60 ? "hour" : profile.window().toMinutes() + " minutes",
                        result.clicks(), profile.windowStart(), 100 / profile.windowsPerDay());
            }
        }
        out.println("- Storage: one month of one month's clicks: raw gzip JSON Lines + Parquet of clicks (new; the rollup files'"
                + " bytes are not counted), raw archive + DynamoDB items with 100 bytes overhead each (old); GB = 2^30 bytes");
        int largestItem = results.stream().flatMap(r -> r.compactions().stream()).mapToInt(CompactionModel.DayCompaction::largestItemBytes)
                .max().orElse(0);
        out.printf(Locale.ROOT, "- Catalog items (the day's entry with one version per part, each workspace's item with one {version,"
                + " buckets} per part, the lease, late items) are sized attribute by attribute (the largest written in this run: %,d"
                + " bytes), WRU per started KB of the larger of before and after, Query RRU per started 4 KB, strongly consistent;"
                + " dueDays' 8 days of entries are taken as this day's at its end. DeleteObjects only where a day is rewritten as"
                + " one part (the replaced parts' files), counted as a tier-1 POST%n", largestItem);
        out.println("- Prices: us-east-1 list prices, before free tiers, in dev.shortstack.bench.cost.Prices");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--seed", "--parquet-bytes-per-click", "--profiles", "--cpu-us-per-click").contains(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("Usage: AnalyticsCostBench [--seed N] [--parquet-bytes-per-click N]"
                        + " [--profiles low,medium,high] [--cpu-us-per-click X]; not understood: " + name);
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static void progress(long started, String what) {
        System.err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }
}
