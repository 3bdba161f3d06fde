package dev.shortstack.local;

import dev.shortstack.analytics.entrypoints.AggregateClicksFunction;
import dev.shortstack.analytics.entrypoints.ReplayClicksFunction;
import dev.shortstack.analytics.entrypoints.AnalyticsDependencies;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.Stage;
import dev.shortstack.jobs.entrypoints.JobWorkerDependencies;
import dev.shortstack.jobs.entrypoints.JobWorkerFunction;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.entrypoints.LinksApiFunction;
import dev.shortstack.links.keys.ApiKeyService;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.redirect.entrypoints.RedirectFunction;
import dev.shortstack.stats.entrypoints.CompactArchiveFunction;
import dev.shortstack.stats.entrypoints.StatsApiFunction;
import dev.shortstack.stats.entrypoints.StatsDependencies;
import dev.shortstack.webhooks.entrypoints.DeliverWebhooksFunction;
import dev.shortstack.webhooks.entrypoints.FanOutWebhookEventsFunction;
import dev.shortstack.webhooks.entrypoints.WebhooksDependencies;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.infra.DashboardPolicy;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.config.EnvNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole system on loopback: emulated AWS with the shared resource definitions, the functions
 * behind an HTTP API emulation, and a bootstrap admin key.
 */
public final class LocalRunner implements AutoCloseable {
    public static final String STAGE = "local";
    public static final String WORKSPACE = "default";
    static final int FUNCTION_CONCURRENCY = 8;
    /** Requests one redirect environment serves at once: each waits some milliseconds for its click's batch. */
    static final int REDIRECT_CONCURRENCY = 128;
    /** Import chunks in flight at once (each with its own row threads). */
    static final int JOBS_CONCURRENCY = 4;
    /** Stats environments, each with its own DuckDB: queries are few and heavy, not many and light. */
    static final int STATS_CONCURRENCY = 2;

    private final EmulatedAws aws;
    private final Stage stage;
    private final HttpApiGateway gateway;
    private final String adminKey;
    private final List<SqsEventSourceMapping> mappings = new ArrayList<>();
    private final boolean lambdaBatching;
    private S3UploadNotifications notifications;
    private CompactionSchedule schedule;
    private ClickReplayLog replayLog;
    private final Map<String, FunctionPool> pools = new java.util.concurrent.ConcurrentHashMap<>();
    private ClickReplayPoller replay;

    private LocalRunner(EmulatedAws aws, Stage stage, HttpApiGateway gateway, String adminKey, boolean lambdaBatching) {
        this.aws = aws;
        this.stage = stage;
        this.gateway = gateway;
        this.adminKey = adminKey;
        this.lambdaBatching = lambdaBatching;
    }

    public static LocalRunner start(LocalOptions options) {
        Optional<Path> dataDir = options.dataDir();
        if (dataDir.isPresent()) {
            prepareDataDir(dataDir.get(), options.fresh());
        }
        EmulatedAws aws = EmulatedAws.start(dataDir);
        try {
            Stage stage = aws.provision(STAGE);
            // The port must be known before the functions are built: it is their short domain.
            HttpApiGateway[] gateway = new HttpApiGateway[1];
            Map<String, String> env = new HashMap<>(aws.awsEnv());
            env.putAll(stage.resourceEnv());
            env.put(EnvNames.CLICK_IP_HASH_KEY, visitorHashKey(dataDir));
            env.putAll(options.functionSettings());
            // The gateway stands in for CloudFront: it sends this origin secret, and the functions refuse requests without it.
            String originSecret = randomHex();
            env.put(EnvNames.ORIGIN_VERIFY_VALUE, originSecret);
            FunctionPool linksApi = new FunctionPool("links-api", () -> new LinksApiFunction(
                    Env.of(withBaseUrl(env, gateway[0]))), FUNCTION_CONCURRENCY);
            // The redirect runs multi-concurrently, as on Lambda Managed Instances: its click sender batches for real.
            FunctionPool redirect = FunctionPool.multiConcurrent("redirect", () -> new RedirectFunction(
                    Env.of(withBaseUrl(env, gateway[0]))), REDIRECT_CONCURRENCY);
            // One engine per execution environment, as in Lambda; the runner's are small.
            FunctionPool statsApi = new FunctionPool("stats-api", () -> new StatsApiFunction(Env.of(withBaseUrl(env, gateway[0]))),
                    STATS_CONCURRENCY);
            gateway[0] = new HttpApiGateway(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()),
                    linksApi, redirect, statsApi, originSecret, options.corsOrigins(), options.domains(),
                    // Import uploads go from the browser straight to the emulated S3, as they go to the bucket in AWS.
                    new StaticAssets(DashboardPolicy.contentSecurityPolicy(List.of(origin(aws.awsEnv().get(EnvNames.ENDPOINT_URL + "_S3"))))));
            String adminKey = bootstrapAdminKey(aws.dynamo(), stage, dataDir, options.adminKey());
            LocalRunner runner = new LocalRunner(aws, stage, gateway[0], adminKey, options.lambdaBatching());
            for (FunctionPool pool : List.of(linksApi, redirect, statsApi)) {
                runner.pools.put(pool.name(), pool);
            }
            try {
                // The queue-triggered functions, wired as the CDK app's event source mappings wire them.
                runner.subscribe(ShortstackResources.CLICKS, "aggregator",
                        () -> new AggregateClicksFunction(AnalyticsDependencies.fromEnv(Env.of(env))), FUNCTION_CONCURRENCY);
                runner.subscribe(ShortstackResources.COMPACTIONS, "compactor",
                        () -> new CompactArchiveFunction(StatsDependencies.fromEnv(Env.of(env))), 1);
                runner.schedule = CompactionSchedule.start(aws.sqs(), stage.queueUrl(ShortstackResources.COMPACTIONS));
                // Clicks SQS refused are logged for replay; the runner's own log of them feeds the replay function, as the
                // redirect's log group's subscription filter does in AWS.
                runner.replayLog = ClickReplayLog.start(replayLogFile(dataDir));
                runner.replay = ClickReplayPoller.start(runner.replayLog.file(),
                        new FunctionPool("click-replay", () -> new ReplayClicksFunction(Env.of(env)), 1));
                runner.subscribe(ShortstackResources.JOBS_WORK, "jobs-worker",
                        () -> new JobWorkerFunction(JobWorkerDependencies.fromEnv(Env.of(withBaseUrl(env, gateway[0])))),
                        JOBS_CONCURRENCY);
                runner.subscribe(ShortstackResources.WEBHOOK_EVENTS, "webhook-fanout",
                        () -> new FanOutWebhookEventsFunction(WebhooksDependencies.fromEnv(Env.of(env))), 1);
                runner.subscribe(ShortstackResources.WEBHOOK_DELIVERIES, "webhook-deliverer",
                        () -> new DeliverWebhooksFunction(WebhooksDependencies.fromEnv(Env.of(env))), 2);
                runner.notifications = new S3UploadNotifications(aws.s3(), aws.sqs(),
                        stage.resourceEnv().get(ShortstackResources.JOB_FILES.envVar()),
                        ShortstackResources.IMPORT_UPLOAD_PREFIX, ShortstackResources.IMPORT_UPLOAD_SUFFIX,
                        stage.queueUrl(ShortstackResources.JOBS_WORK), EmulatedAws.REGION);
            } catch (RuntimeException e) {
                runner.gateway.close();
                if (runner.schedule != null) {
                    runner.schedule.close();
                }
                runner.mappings.forEach(SqsEventSourceMapping::close);
                if (runner.notifications != null) {
                    runner.notifications.close();
                }
                runner.closeReplay();
                throw e;
            }
            return runner;
        } catch (IOException e) {
            aws.close();
            throw new UncheckedIOException("Could not listen on port " + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    /**
     * Triggers a function from a queue of this stage, as the CDK app's event source mapping does.
     */
    public void subscribe(QueueDefinition queue, String functionName, Supplier<RequestStreamHandler> function, int concurrency) {
        FunctionPool pool = new FunctionPool(functionName, function, concurrency);
        pools.put(functionName, pool);
        mappings.add(new SqsEventSourceMapping(aws.sqs(), stage.queueUrl(queue), queue, pool, concurrency, lambdaBatching));
    }

    public String baseUrl() {
        return "http://localhost:" + gateway.port();
    }

    public int port() {
        return gateway.port();
    }

    public String adminKey() {
        return adminKey;
    }

    public Stage stage() {
        return stage;
    }

    public EmulatedAws aws() {
        return aws;
    }

    /**
     * Fault injection for soaks: the next {@code count} invocations of the function (links-api, redirect, stats-api,
     * aggregator, ...) lose their environment once their work is done, before the answer gets out.
     */
    public void crashAfterWork(String function, int count) {
        FunctionPool pool = pools.get(function);
        if (pool == null) {
            throw new IllegalArgumentException("No function " + function + "; there are " + pools.keySet());
        }
        pool.crashAfterWork(count);
    }

    /** Crashes armed by {@link #crashAfterWork} that have not happened yet. */
    public int crashesPending(String function) {
        return pools.get(function).crashesPending();
    }

    /** Whether every click logged for replay has been put back on the queue. */
    public boolean replayCaughtUp() {
        return replay == null || replay.isCaughtUp();
    }

    /** How many clicks have been logged for replay (lines of the replay log). */
    public long clicksLoggedForReplay() throws IOException {
        try (var lines = Files.lines(replayLog.file())) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    /** Replays every click ever logged for replay once more (a test of "replayed twice counts once"). */
    public void replayAllAgain() throws IOException {
        replay.replayAllAgain();
    }

    /** The replay log: in the data folder, so clicks not replayed yet survive a restart; else a file of this run only. */
    private static Path replayLogFile(Optional<Path> dataDir) {
        if (dataDir.isPresent()) {
            return dataDir.get().resolve("logs").resolve("click-replay.log");
        }
        try {
            Path dir = Files.createTempDirectory("shortstack-replay");
            dir.toFile().deleteOnExit();
            return dir.resolve("click-replay.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeReplay() {
        if (replay != null) {
            replay.close();
        }
        if (replayLog != null) {
            replayLog.close();
        }
    }

    @Override
    public void close() {
        gateway.close();
        closeReplay();
        if (schedule != null) {
            schedule.close();
        }
        if (notifications != null) {
            notifications.close();
        }
        for (SqsEventSourceMapping mapping : mappings) {
            mapping.close();
        }
        aws.close();
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static Map<String, String> withBaseUrl(Map<String, String> env, HttpApiGateway gateway) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(EnvNames.SHORT_BASE_URL, "http://localhost:" + gateway.port());
        return copy;
    }

    /**
     * The admin key of the default workspace: the one given, else the one made on an earlier start
     * (kept in the data folder, readable only by this user), else a new one.
     */
    private static String bootstrapAdminKey(DynamoDbClient dynamo, Stage stage, Optional<Path> dataDir, Optional<String> given) {
        ApiKeyService keys = new ApiKeyService(new DynamoApiKeyStore(dynamo,
                stage.resourceEnv().get(EnvNames.API_KEYS_TABLE)), Clock.systemUTC());
        Optional<Path> keyFile = dataDir.map(dir -> dir.resolve("admin-key"));
        Optional<String> key = given.or(() -> keyFile.filter(Files::exists).map(LocalRunner::read));
        if (key.isPresent()) {
            if (!keys.importKey(key.get(), WORKSPACE, Role.ADMIN, "local bootstrap admin")) {
                throw new IllegalArgumentException("The admin key's id is already used by a different key in this data folder;"
                        + " choose another key or start with --fresh");
            }
        } else {
            key = Optional.of(keys.issue(WORKSPACE, Role.ADMIN, "local bootstrap admin").plaintext());
        }
        String adminKey = key.get();
        keyFile.ifPresent(file -> writePrivate(file, adminKey));
        return adminKey;
    }

    private static String randomHex() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** The secret of the visitor hash: random, and stable across restarts when data persists. */
    private static String visitorHashKey(Optional<Path> dataDir) {
        Optional<Path> file = dataDir.map(dir -> dir.resolve("visitor-hash-key"));
        if (file.isPresent() && Files.exists(file.get())) {
            return read(file.get());
        }
        String key = randomHex();
        file.ifPresent(f -> writePrivate(f, key));
        return key;
    }

    private static void prepareDataDir(Path dir, boolean fresh) {
        try {
            if (fresh && Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        if (!path.equals(dir)) {
                            Files.delete(path);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, String content) {
        try {
            Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
