package dev.shortstack.bench;

import dev.shortstack.bench.query.ArchiveSeeder;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.stats.ArchiveAccess;
import dev.shortstack.stats.compaction.CompactionService;
import dev.shortstack.stats.query.StatsQuery;
import dev.shortstack.stats.query.StatsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stats query latency over a click archive made here: {@code --clicks} (10,000,000) clicks of one
 * workspace over 30 days and {@code --links} (1,000) links drawn Zipf(1.0), written as raw objects
 * and compacted by the real compactor on a clock 13:30 into the last day (so the last day is
 * compacted through 12:00 and its last 90 minutes are read raw, as in production). Then the real
 * stats service answers, on warm caches (a Lambda environment that has served before), and each
 * query once cold (an empty local file cache):
 * <ul>
 *   <li>one link's 30-day stats with every dimension: the hottest link (~13 % of all clicks) and a
 *       median link;</li>
 *   <li>the workspace overview over 30 days (clicks per day, top links).</li>
 * </ul>
 * Also: Parquet bytes per click (all compacted files over the clicks in them) and the time the
 * compaction took. Usage, after {@code ./mvnw -q -DskipTests package}:
 * {@code java -Xmx6g -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.StatsQueryBench}
 * ({@code --data-dir DIR} keeps the archive for re-runs of the queries on the same UTC day; without it
 * the archive goes to a temporary folder that is deleted at the end).
 */
public final class StatsQueryBench {
    private static final String WORKSPACE = "bench";
    private static final int DAYS = 30;

    private StatsQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long clicks = Long.parseLong(options.getOrDefault("clicks", "10000000"));
        int links = Integer.parseInt(options.getOrDefault("links", "1000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "40"));
        // --data-dir keeps the seeded, compacted archive for another run of the queries (same UTC day).
        Path dir = options.containsKey("data-dir") ? Path.of(options.get("data-dir")) : Files.createTempDirectory("stats-query-bench");
        boolean seeded = Files.exists(dir.resolve("seeded"));
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC);
        Instant now = lastDay.atTime(13, 30).toInstant(ZoneOffset.UTC);
        Instant start = lastDay.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        System.out.printf(Locale.ROOT, "java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.StatsQueryBench %s%n",
                String.join(" ", args));
        try (EmulatedAws aws = EmulatedAws.start(Optional.of(dir.resolve("aws")))) {
            Stage stage = aws.provision("bench");
            Map<String, String> env = new HashMap<>(aws.awsEnv());
            env.putAll(stage.resourceEnv());
            env.put(EnvNames.ARCHIVE_CACHE_DIR, dir.resolve("cache").toString());
            env.put(EnvNames.ARCHIVE_CACHE_MB, "4096");
            env.put(EnvNames.QUERY_MEMORY_MB, "1024");
            Observability observability = new Observability("bench");
            ArchiveAccess archive = ArchiveAccess.fromEnv(Env.of(env), AwsClients.fromEnv(Env.of(env)), observability, 120);
            List<String> linkIds = new ArrayList<>();
            for (int i = 0; i < links; i++) {
                linkIds.add(String.format("link-%05d", i));
            }

            long seedStarted = System.nanoTime();
            long written = seeded ? 0 : new ArchiveSeeder(aws.s3(), stage.resourceEnv().get(EnvNames.CLICK_ARCHIVE_BUCKET), WORKSPACE, linkIds)
                    .seed(start, now, clicks);
            long seedMs = (System.nanoTime() - seedStarted) / 1_000_000;
            CompactionService compactor = new CompactionService(archive.store(), archive.catalog(), archive.engine(),
                    dir.resolve("work"), Clock.fixed(now, ZoneOffset.UTC), observability);
            long compactStarted = System.nanoTime();
            long compacted = 0;
            for (LocalDate day = lastDay.minusDays(DAYS - 1); !day.isAfter(lastDay); day = day.plusDays(1)) {
                compacted += compactor.compactDay(day).orElseThrow();
            }
            long compactMs = (System.nanoTime() - compactStarted) / 1_000_000;
            Files.writeString(dir.resolve("seeded"), Long.toString(clicks));
            long parquetBytes = aws.s3().listObjectsV2Paginator(r -> r.bucket(stage.resourceEnv().get(EnvNames.CLICK_ARCHIVE_BUCKET))
                    .prefix(ArchiveLayout.COMPACTED_ROOT)).contents().stream().mapToLong(o -> o.size()).sum();

            StatsService stats = new StatsService(archive.slicer(), archive.engine());
            StatsQuery month = StatsQuery.parse(Map.of("from", lastDay.minusDays(DAYS - 1).toString(), "to", lastDay.toString(),
                    "top", "10"), lastDay);
            Link hot = link(linkIds.get(0));
            Link median = link(linkIds.get(links / 2));
            System.out.printf(Locale.ROOT, "%n%,d clicks seeded now (%,d ms), %,d compacted in %d days (%,d ms); the last %d minutes read raw%n",
                    written, seedMs, compacted, DAYS, compactMs, ChronoUnit.MINUTES.between(lastDay.atTime(12, 0).toInstant(ZoneOffset.UTC), now));
            System.out.printf(Locale.ROOT, "Parquet: %,d bytes for %,d clicks = %.1f bytes per click%n%n", parquetBytes, compacted,
                    (double) parquetBytes / compacted);
            System.out.println("| query | clicks in it | cold (empty file cache) ms | warm p50 ms | warm p99 ms | warm max ms |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            report("one link, 30 days, every dimension: the hottest link", runs,
                    () -> stats.linkStats(hot, month), t -> t.human() + t.bot());
            report("one link, 30 days, every dimension: a median link", runs,
                    () -> stats.linkStats(median, month), t -> t.human() + t.bot());
            report("workspace overview, 30 days", runs,
                    () -> stats.workspaceStats(WORKSPACE, month), t -> t.human() + t.bot());
        } finally {
            if (!options.containsKey("data-dir")) {
                deleteRecursively(dir);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The first call runs on an empty file cache (the files are fetched); then {@code runs} warm calls. */
    private static <T> void report(String name, int runs, Supplier<T> query, java.util.function.ToLongFunction<T> clicks) {
        long started = System.nanoTime();
        long count = clicks.applyAsLong(query.get());
        double cold = (System.nanoTime() - started) / 1e6;
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.get();
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f | %.0f |%n", name, count, cold, percentile(warm, 0.50),
                percentile(warm, 0.99), warm[warm.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Link link(String linkId) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        return new Link("s-" + linkId, linkId, WORKSPACE, "https://example.com/", 302, created, created, null, null, List.of(), false, 1, "k");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
