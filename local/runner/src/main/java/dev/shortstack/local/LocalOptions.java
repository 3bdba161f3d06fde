package dev.shortstack.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the local runner is started. Each option comes from the command line, else the
 * environment, else its default.
 *
 * @param dataDir  where tables and buckets persist; empty with {@code --in-memory}
 * @param fresh    wipe the data folder before starting
 * @param adminKey the bootstrap admin key to ensure exists, instead of a generated one
 */
public record LocalOptions(int port, Optional<Path> dataDir, boolean fresh, Optional<String> adminKey) {
    static final int DEFAULT_PORT = 8080;
    static final Path DEFAULT_DATA_DIR = Path.of(".local");

    static final String USAGE = """
            Usage: java -jar local/runner/target/shortstack-local.jar [options]
              --port N          HTTP port (env SHORTSTACK_PORT, default 8080; 0 picks a free one)
              --data-dir DIR    where data persists across restarts (env SHORTSTACK_DATA_DIR, default .local)
              --in-memory       keep nothing on disk
              --fresh           delete the data folder's contents first
              --admin-key KEY   bootstrap admin key to use (env SHORTSTACK_ADMIN_KEY; default: generated once)
            """;

    static LocalOptions parse(String[] args, Map<String, String> env) {
        int port = env.containsKey("SHORTSTACK_PORT") ? parsePort(env.get("SHORTSTACK_PORT")) : DEFAULT_PORT;
        Optional<Path> dataDir = Optional.of(Path.of(env.getOrDefault("SHORTSTACK_DATA_DIR", DEFAULT_DATA_DIR.toString())));
        boolean fresh = false;
        Optional<String> adminKey = Optional.ofNullable(env.get("SHORTSTACK_ADMIN_KEY")).filter(k -> !k.isBlank());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, "--data-dir")));
                case "--in-memory" -> dataDir = Optional.empty();
                case "--fresh" -> fresh = true;
                case "--admin-key" -> adminKey = Optional.of(value(args, ++i, "--admin-key"));
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new LocalOptions(port, dataDir.map(Path::toAbsolutePath), fresh, adminKey);
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
