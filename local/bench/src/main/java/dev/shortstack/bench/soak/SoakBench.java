package dev.shortstack.bench.soak;

import dev.shortstack.emulators.FaultProxy;
import dev.shortstack.local.LocalOptions;
import dev.shortstack.local.LocalRunner;
import dev.shortstack.shared.config.EnvNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A soak of the local runner under steady mixed load while real faults come and go: the Dynoxide child is SIGKILLed (the
 * runner starts it again), every function's connections to the queue and the object store are cut and refused for a
 * while (a proxy in front of ElasticMQ and S3Proxy: the emulators themselves keep their state), and execution
 * environments die after their work and before their answer (links-API requests and an aggregator batch). The load: redirects of 40
 * links by people and bots, creates, edits, deletes, stats reads, an import a minute, an export every two. At the end, once
 * everything is quiet, it checks from the outside that every redirect answered 302 is counted exactly once, every link
 * answered 201 exists as sent (or as last edited, or is gone if deleted), every accepted import finished with its rows, and
 * that no answer was a 5xx outside a fault's window (inside one, the API answers 503 with Retry-After). Prints the minute
 * table and the fault table; exits 1 when a check fails.
 *
 * <p>Usage: {@code java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.soak.SoakBench --minutes 10}
 * ({@code --fault-every-seconds 25}, {@code --redirects-per-second 50}).
 */
public final class SoakBench {
    private static final int STABLE_LINKS = 40;
    private static final long TICK_NANOS = Duration.ofMillis(100).toNanos();
    private static final long GRACE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int API_CRASHES = 3;

    private SoakBench() {
    }

    public static void main(String[] args) throws Exception {
        // The client lets idle connections go (5 s) well before the runner's HTTP server does (30 s): otherwise a request can
        // leave on a connection the server is closing at that moment, an artefact of keep-alive, not a fault of the service.
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Duration length = Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "10")));
        Duration faultEvery = Duration.ofSeconds(Long.parseLong(options.getOrDefault("fault-every-seconds", "25")));
        int redirectsPerTick = Integer.parseInt(options.getOrDefault("redirects-per-second", "50")) / 10;
        System.out.printf(Locale.ROOT, "java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.soak.SoakBench %s%n",
                String.join(" ", args));
        Path dataDir = Files.createTempDirectory("shortstack-soak");
        boolean passed;
        try (FaultProxy sqs = FaultProxy.start(); FaultProxy s3 = FaultProxy.start();
             LocalRunner runner = LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), false, Optional.empty())
                     // Batches as Lambda gathers them: the archive then holds as many objects as it would in AWS.
                     .withLambdaBatching()
                     .withFunctionSettings(Map.of(EnvNames.ENDPOINT_URL + "_SQS", sqs.endpoint().toString(),
                             EnvNames.ENDPOINT_URL + "_S3", s3.endpoint().toString())))) {
            // Only the functions go through the proxies; the runner's own queue polling and schedule talk to the emulators.
            sqs.forwardTo(URI.create(runner.aws().awsEnv().get(EnvNames.ENDPOINT_URL + "_SQS")));
            s3.forwardTo(URI.create(runner.aws().awsEnv().get(EnvNames.ENDPOINT_URL + "_S3")));
            SoakClient client = new SoakClient(runner.baseUrl(), runner.adminKey());
            List<String> stable = createStableLinks(client);
            SoakLedger ledger = new SoakLedger();
            List<Fault> faults = run(runner, client, ledger, stable, length, faultEvery, redirectsPerTick, sqs, s3);
            client.drain();
            SoakReport report = new SoakReport(new ArrayList<>(client.answers()), faults, GRACE_NANOS);
            System.out.println(report.minuteTable());
            System.out.println(report.faultTable());
            Quiet.await(runner);
            SoakChecks checks = new SoakChecks(client, ledger, stable, report);
            passed = checks.run();
        }
        // Only once the runner is closed: it stops its Dynoxide child (exiting inside the block left it running).
        if (passed) {
            deleteRecursively(dataDir);
        } else {
            System.out.println("The runner's data is kept for a look: " + dataDir);
        }
        System.exit(passed ? 0 : 1);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<String> createStableLinks(SoakClient client) throws Exception {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < STABLE_LINKS; i++) {
            String slug = "soak-s-" + i;
            HttpResponse<String> created = client.now("POST", "/v1/links",
                    "{\"url\":\"https://example.com/stable/" + i + "\",\"slug\":\"" + slug + "\"}");
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Could not create " + slug + ": " + created.body());
            }
            slugs.add(slug);
        }
        return slugs;
    }

    /** The load, tick by tick, and the faults on their schedule; @return the faults as they happened */
    private static List<Fault> run(LocalRunner runner, SoakClient client, SoakLedger ledger, List<String> stable, Duration length,
                                   Duration faultEvery, int redirectsPerTick, FaultProxy sqs, FaultProxy s3) throws Exception {
        List<Fault> faults = new ArrayList<>();
        Fault.Kind[] rotation = Fault.Kind.values();
        long start = System.nanoTime();
        long nextFault = start + Duration.ofSeconds(20).toNanos();
        Fault open = null;
        int created = 0;
        int imported = 0;
        for (long tick = 0; System.nanoTime() - start < length.toNanos(); tick++) {
            LockSupport.parkNanos(start + tick * TICK_NANOS - System.nanoTime());
            long now = System.nanoTime();
            if (open != null && open.kind() == Fault.Kind.ENVIRONMENTS_CRASHED) {
                if (runner.crashesPending("links-api") == 0 && runner.crashesPending("aggregator") == 0) {
                    faults.set(faults.size() - 1, open.ended(now));
                    open = null;
                }
            } else if (open != null && open.endNanos() <= now) {
                (open.kind() == Fault.Kind.SQS_DOWN ? sqs : s3).forward();
                open = null;
            }
            if (open == null && now >= nextFault && now - start < length.toNanos() - Duration.ofSeconds(20).toNanos()) {
                Fault.Kind kind = rotation[faults.size() % rotation.length];
                Fault fault = inject(kind, runner, sqs, s3, now);
                faults.add(fault);
                open = kind == Fault.Kind.DYNAMODB_KILLED ? null : fault;
                nextFault = now + faultEvery.toNanos();
            }
            for (int i = 0; i < redirectsPerTick; i++) {
                client.redirect(stable.get(ThreadLocalRandom.current().nextInt(stable.size())), (tick + i) % 3 != 0);
            }
            if (tick % 5 == 0) {
                String slug = "soak-c-" + created++;
                String url = "https://example.com/churn/" + slug;
                client.api("create", slug, "POST", "/v1/links", "{\"url\":\"" + url + "\",\"slug\":\"" + slug + "\"}", "application/json",
                        (status, r) -> ledger.createAnswered(slug, url, status));
            }
            if (tick % 20 == 7) {
                ledger.anyLive().ifPresent(slug -> {
                    String url = "https://example.com/edited/" + slug + "/" + System.nanoTime();
                    client.api("edit", slug, "PATCH", "/v1/links/" + slug, "{\"url\":\"" + url + "\"}", "application/merge-patch+json",
                            (status, r) -> ledger.editAnswered(slug, url, status));
                });
            }
            if (tick % 20 == 13) {
                ledger.anyLive().ifPresent(slug -> {
                    ledger.forget(slug);
                    client.api("delete", slug, "DELETE", "/v1/links/" + slug, null, null, (status, r) -> ledger.deleteAnswered(slug, status));
                });
            }
            if (tick % 10 == 3) {
                String slug = stable.get(ThreadLocalRandom.current().nextInt(stable.size()));
                client.api("stats", slug, "GET", "/v1/links/" + slug + "/stats", null, null, (status, r) -> { });
            }
            if (tick % 600 == 300) {
                int job = imported++;
                StringBuilder csv = new StringBuilder("url,slug\n");
                for (int row = 0; row < 50; row++) {
                    csv.append("https://example.com/imported/").append(job).append('/').append(row).append(",soak-i-").append(job).append('-')
                            .append(row).append('\n');
                }
                client.api("import", "import-" + job, "POST", "/v1/imports?format=shortstack-csv", csv.toString(), "text/csv", (status, r) -> {
                    if (status == 202) {
                        ledger.importAccepted(SoakClient.json(r).path("id").asText(), 50);
                    }
                });
            }
            if (tick % 1200 == 900) {
                client.api("export", "export", "POST", "/v1/exports", "{\"type\":\"links\",\"format\":\"csv\"}", "application/json",
                        (status, r) -> { });
            }
            if (open == null && !faults.isEmpty() && faults.get(faults.size() - 1).recoveredNanos() < 0) {
                Fault last = faults.get(faults.size() - 1);
                if (recovered(last, runner, client)) {
                    faults.set(faults.size() - 1, last.recovered(System.nanoTime()));
                }
            }
        }
        if (open != null) {
            sqs.forward();
            s3.forward();
        }
        return faults;
    }

    /** Starts a fault; a killed Dynoxide ends when the runner has started it again. */
    private static Fault inject(Fault.Kind kind, LocalRunner runner, FaultProxy sqs, FaultProxy s3, long now) throws Exception {
        switch (kind) {
            case DYNAMODB_KILLED -> {
                int restarts = runner.aws().dynoxideRestarts();
                ProcessHandle.of(runner.aws().dynoxidePid()).ifPresent(ProcessHandle::destroyForcibly);
                if (!runner.aws().awaitDynoxideRestarts(restarts + 1, Duration.ofSeconds(30))) {
                    throw new IllegalStateException("Dynoxide was not started again within 30 s");
                }
                return new Fault(kind, now, System.nanoTime(), -1);
            }
            case SQS_DOWN -> sqs.refuse();
            case S3_DOWN -> s3.refuse();
            case ENVIRONMENTS_CRASHED -> {
                runner.crashAfterWork("links-api", API_CRASHES);
                runner.crashAfterWork("aggregator", 1);
                return new Fault(kind, now, Long.MAX_VALUE, -1, API_CRASHES);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return new Fault(kind, now, now + OUTAGE.toNanos(), -1);
    }

    /**
     * Whether the path a fault broke works again: DynamoDB answers the API (a read of a link), the clicks SQS refused have
     * been put back (the replay log is caught up), the object store serves a stats read.
     */
    private static boolean recovered(Fault fault, LocalRunner runner, SoakClient client) throws Exception {
        return switch (fault.kind()) {
            case DYNAMODB_KILLED -> client.now("GET", "/v1/links/soak-s-0", null).statusCode() == 200;
            case SQS_DOWN -> runner.replayCaughtUp();
            case S3_DOWN -> client.now("GET", "/v1/links/soak-s-0/stats", null).statusCode() == 200;
            case ENVIRONMENTS_CRASHED -> client.now("GET", "/v1/links/soak-s-0", null).statusCode() == 200;
        };
    }
}
