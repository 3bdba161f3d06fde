package dev.shortstack.local;

import dev.shortstack.links.auth.Role;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar shortstack-local.jar admin COMMAND [options]}: what to do, and to which tables.
 *
 * @param dataDir  the local runner's data folder, when the target is local
 * @param stage    a deployed stage's name, when the target is AWS (its tables are shortstack-STAGE-…)
 * @param endpoint another DynamoDB endpoint for a stage (a copy of the tables elsewhere), else AWS's own
 */
record AdminOptions(String command, String workspace, Role role, String name, String keyId, Optional<Path> dataDir,
                    Optional<String> stage, Optional<String> region, Optional<URI> endpoint) {

    static final String USAGE = """
            Usage: java -jar local/runner/target/shortstack-local.jar admin COMMAND [options] [target]
            Commands:
              create-key  --workspace W [--role admin|write|read] [--name N]
                          a new key (admin by default); a workspace exists once it has a key. The secret is shown once.
              list-keys   --workspace W      the workspace's keys: id, role, name, created, revoked
              revoke-key  --workspace W --key-id ID
              workspaces                     every workspace with its active and revoked keys
            Target (one of):
              --data-dir DIR                 the local runner's data folder (env SHORTSTACK_DATA_DIR, default .local;
                                             stop the runner first)
              --stage NAME --region REGION   a deployed stage's tables, with the usual AWS credentials
                [--endpoint-url URL]         another DynamoDB endpoint for them
            """;

    /** @param env the environment: SHORTSTACK_DATA_DIR names the data folder, as for the runner */
    static AdminOptions parse(String[] args, Map<String, String> env) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            throw new IllegalArgumentException(USAGE);
        }
        String command = args[0];
        String workspace = null;
        Role role = Role.ADMIN;
        String name = "admin command";
        String keyId = null;
        Optional<Path> dataDir = Optional.empty();
        Optional<String> stage = Optional.empty();
        Optional<String> region = Optional.empty();
        Optional<URI> endpoint = Optional.empty();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--workspace" -> workspace = value(args, ++i);
                case "--role" -> {
                    String raw = value(args, ++i);
                    role = Role.fromWire(raw).orElseThrow(() -> new IllegalArgumentException(
                            "--role must be admin, write or read, not '" + raw + "'"));
                }
                case "--name" -> name = value(args, ++i);
                case "--key-id" -> keyId = value(args, ++i);
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i)).toAbsolutePath());
                case "--stage" -> stage = Optional.of(value(args, ++i));
                case "--region" -> region = Optional.of(value(args, ++i));
                case "--endpoint-url" -> endpoint = Optional.of(URI.create(value(args, ++i)));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        boolean needsWorkspace = switch (command) {
            case "create-key", "list-keys", "revoke-key" -> true;
            case "workspaces" -> false;
            default -> throw new IllegalArgumentException("Unknown command '" + command + "'\n" + USAGE);
        };
        if (needsWorkspace && (workspace == null || workspace.isBlank())) {
            throw new IllegalArgumentException(command + " needs --workspace\n" + USAGE);
        }
        if (command.equals("revoke-key") && keyId == null) {
            throw new IllegalArgumentException("revoke-key needs --key-id\n" + USAGE);
        }
        if (stage.isPresent() && dataDir.isPresent()) {
            throw new IllegalArgumentException("Give either --data-dir or --stage, not both\n" + USAGE);
        }
        if (stage.isPresent() && region.isEmpty()) {
            throw new IllegalArgumentException("--stage needs --region\n" + USAGE);
        }
        if (stage.isEmpty() && (region.isPresent() || endpoint.isPresent())) {
            throw new IllegalArgumentException("--region and --endpoint-url go with --stage\n" + USAGE);
        }
        if (stage.isEmpty() && dataDir.isEmpty()) {
            dataDir = Optional.of(Path.of(env.getOrDefault("SHORTSTACK_DATA_DIR", LocalOptions.DEFAULT_DATA_DIR.toString())).toAbsolutePath());
        }
        return new AdminOptions(command, workspace, role, name, keyId, dataDir, stage, region, endpoint);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
