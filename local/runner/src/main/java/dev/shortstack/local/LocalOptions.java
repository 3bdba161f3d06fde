package dev.shortstack.local;

import dev.shortstack.shared.infra.ApiCors;
import java.nio.file.Path;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.config.ConfigException;
import dev.shortstack.shared.domain.ShortDomains;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the local runner is started. Each option comes from the command line, else the
 * environment, else its default.
 *
 * @param dataDir  where tables and buckets persist; empty with {@code --in-memory}
 * @param fresh    wipe the data folder before starting
 * @param adminKey    the bootstrap admin key to ensure exists, instead of a generated one
 * @param corsOrigins origins whose browser scripts may call /v1 (as stages.json's api.corsOrigins); none by default
 * @param functionSettings extra environment for every function (e.g. a short webhook retry schedule in tests)
 * @param lambdaBatching   queue-triggered functions wait out their queue's batching window as Lambda does (fewer, larger
 *                         batches: the clicks archive gets AWS's object count); otherwise a batch goes as soon as the
 *                         queue has nothing more to give, for fast local feedback
 */
public record LocalOptions(int port, Optional<Path> dataDir, boolean fresh, Optional<String> adminKey, List<String> corsOrigins,
                           Map<String, String> functionSettings, boolean lambdaBatching) {

    public LocalOptions {
        corsOrigins = List.copyOf(corsOrigins);
        corsOrigins.forEach(origin -> ApiCors.originViolation(origin).ifPresent(why -> {
            throw new IllegalArgumentException("--cors-origin: " + why);
        }));
        functionSettings = Map.copyOf(functionSettings);
    }

    public LocalOptions(int port, Optional<Path> dataDir, boolean fresh, Optional<String> adminKey) {
        this(port, dataDir, fresh, adminKey, List.of(), Map.of(), false);
    }

    /** The same options with more function settings. */
    public LocalOptions withFunctionSettings(Map<String, String> settings) {
        Map<String, String> merged = new HashMap<>(functionSettings);
        merged.putAll(settings);
        return new LocalOptions(port, dataDir, fresh, adminKey, corsOrigins, merged, lambdaBatching);
    }

    /** The same options, with queue batches gathered over their batching window as in Lambda. */
    public LocalOptions withLambdaBatching() {
        return new LocalOptions(port, dataDir, fresh, adminKey, corsOrigins, functionSettings, true);
    }

    static final int DEFAULT_PORT = 8080;
    static final Path DEFAULT_DATA_DIR = Path.of(".local");

    static final String USAGE = """
            Usage: java -jar local/runner/target/shortstack-local.jar [options]
              --port N          HTTP port (env SHORTSTACK_PORT, default 8080; 0 picks a free one)
              --data-dir DIR    where data persists across restarts (env SHORTSTACK_DATA_DIR, default .local)
              --in-memory       keep nothing on disk
              --fresh           delete the data folder's contents first
              --admin-key KEY   bootstrap admin key to use (env SHORTSTACK_ADMIN_KEY; default: generated once)
              --cors-origin URL an origin whose browser scripts may call /v1, e.g. http://localhost:5173; repeatable
                                (env SHORTSTACK_CORS_ORIGINS, comma-separated; default: none)
              --webhooks-allow-loopback
                                let webhook endpoints be http://127.0.0.1:PORT/... (for trying webhooks with a local
                                receiver; env SHORTSTACK_WEBHOOKS_ALLOW_LOOPBACK=true). Without it, as in AWS: https to
                                public addresses only
              --lambda-batching gather queue batches over each queue's batching window, as Lambda does (clicks: 5 s
                                or 500; env SHORTSTACK_LAMBDA_BATCHING=true). Without it a batch goes as soon as the
                                queue is empty: clicks show sooner, in more and smaller archive objects than in AWS
              --domain HOST[=WORKSPACE]
                                another short domain to answer for (by the request's Host), owned by WORKSPACE (default:
                                the default workspace); repeatable. Names under .localhost reach 127.0.0.1 without DNS,
                                e.g. --domain go.localhost, then curl http://go.localhost:8080/<slug>
            Or: java -jar local/runner/target/shortstack-local.jar admin --help   (workspaces and API keys)
            """;

    static LocalOptions parse(String[] args, Map<String, String> env) {
        int port = env.containsKey("SHORTSTACK_PORT") ? parsePort(env.get("SHORTSTACK_PORT")) : DEFAULT_PORT;
        Optional<Path> dataDir = Optional.of(Path.of(env.getOrDefault("SHORTSTACK_DATA_DIR", DEFAULT_DATA_DIR.toString())));
        boolean fresh = false;
        Optional<String> adminKey = Optional.ofNullable(env.get("SHORTSTACK_ADMIN_KEY")).filter(k -> !k.isBlank());
        List<String> corsOrigins = new ArrayList<>(Arrays.stream(env.getOrDefault("SHORTSTACK_CORS_ORIGINS", "").split(","))
                .map(String::trim).filter(o -> !o.isEmpty()).toList());
        Map<String, String> functionSettings = new HashMap<>();
        if (Boolean.parseBoolean(env.getOrDefault("SHORTSTACK_WEBHOOKS_ALLOW_LOOPBACK", "false"))) {
            functionSettings.put(EnvNames.WEBHOOK_ALLOW_LOOPBACK, "true");
        }
        boolean lambdaBatching = Boolean.parseBoolean(env.getOrDefault("SHORTSTACK_LAMBDA_BATCHING", "false"));
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--domain" -> domains.add(domainSpec(value(args, ++i, "--domain")));
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, "--data-dir")));
                case "--in-memory" -> dataDir = Optional.empty();
                case "--fresh" -> fresh = true;
                case "--lambda-batching" -> lambdaBatching = true;
                case "--admin-key" -> adminKey = Optional.of(value(args, ++i, "--admin-key"));
                case "--cors-origin" -> corsOrigins.add(value(args, ++i, "--cors-origin"));
                case "--webhooks-allow-loopback" -> functionSettings.put(EnvNames.WEBHOOK_ALLOW_LOOPBACK, "true");
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        // The default domain is the default workspace's: its root and not-found pages are yours to set locally.
        functionSettings.put(EnvNames.DEFAULT_DOMAIN_WORKSPACE, LocalRunner.WORKSPACE);
        if (!domains.isEmpty()) {
            try {
                functionSettings.put(EnvNames.SHORT_DOMAINS, ShortDomains.parse(String.join(",", domains), null).spec());
            } catch (ConfigException e) {
                throw new IllegalArgumentException("--domain: " + e.getMessage() + "\n" + USAGE);
            }
        }
        return new LocalOptions(port, dataDir.map(Path::toAbsolutePath), fresh, adminKey, corsOrigins, functionSettings, lambdaBatching);
    }

    /** {@code host} alone belongs to the default workspace. */
    private static String domainSpec(String value) {
        return value.contains("=") ? value : value + "=" + LocalRunner.WORKSPACE;
    }

    /** The extra short domains the functions are told about. */
    ShortDomains domains() {
        return ShortDomains.parse(functionSettings.getOrDefault(EnvNames.SHORT_DOMAINS, ""), functionSettings.get(EnvNames.DEFAULT_DOMAIN_WORKSPACE));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("The port must be a number from 0 to 65535, got '" + raw + "'");
    }
}
