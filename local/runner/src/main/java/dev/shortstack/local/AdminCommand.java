package dev.shortstack.local;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.Stage;
import dev.shortstack.links.auth.ApiKey;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.keys.ApiKeyService;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.infra.ApiKeyAttributes;
import dev.shortstack.shared.infra.ShortstackResources;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Workspaces and API keys without the API: the first admin key of a deployment, a key for a new
 * workspace, a look at who holds keys. Against the local runner's data folder (its emulated tables)
 * or a deployed stage's tables, through the same key service the API uses.
 */
final class AdminCommand {
    /** Who the key service sees as acting: an operator at the tables, not any key. */
    private static final String OPERATOR = "admin-command";

    private AdminCommand() {
    }

    /** @return the process exit code */
    static int run(AdminOptions options, PrintStream out, PrintStream err) {
        if (options.stage().isPresent()) {
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .region(Region.of(options.region().orElseThrow()))
                    .httpClient(UrlConnectionHttpClient.create());
            options.endpoint().ifPresent(builder::endpointOverride);
            try (DynamoDbClient dynamo = builder.build()) {
                String table = ShortstackResources.physicalName(options.stage().get(), ShortstackResources.API_KEYS.logicalName());
                return run(options, dynamo, table, out, err);
            }
        }
        if (!Files.isDirectory(options.dataDir().orElseThrow())) {
            err.println("No data folder at " + options.dataDir().get() + ": start the local runner once with it, or name it with --data-dir");
            return 2;
        }
        try (EmulatedAws aws = EmulatedAws.start(options.dataDir())) {
            Stage stage = aws.provision(LocalRunner.STAGE);
            return run(options, aws.dynamo(), stage.resourceEnv().get(EnvNames.API_KEYS_TABLE), out, err);
        }
    }

    static int run(AdminOptions options, DynamoDbClient dynamo, String table, PrintStream out, PrintStream err) {
        ApiKeyService keys = new ApiKeyService(new DynamoApiKeyStore(dynamo, table), Clock.systemUTC());
        Caller operator = new Caller(OPERATOR, options.workspace(), Role.ADMIN);
        try {
            switch (options.command()) {
                case "create-key" -> {
                    // Only the key on standard output, so that a script can keep it; the secret is not stored anywhere.
                    out.println(keys.issue(options.workspace(), options.role(), options.name()).plaintext());
                    err.println("Created a " + options.role().wireName() + " key for workspace '" + options.workspace()
                            + "'. Keep it now: only its hash is stored.");
                }
                case "list-keys" -> {
                    out.println("keyId\trole\tname\tcreatedAt\trevokedAt");
                    for (ApiKey key : keys.all(operator)) {
                        out.println(String.join("\t", key.keyId(), key.role().wireName(), key.name(), key.createdAt().toString(),
                                key.revokedAt() == null ? "-" : key.revokedAt().toString()));
                    }
                }
                case "revoke-key" -> {
                    keys.revoke(operator, options.keyId());
                    out.println("Revoked " + options.keyId());
                }
                case "workspaces" -> {
                    out.println("workspace\tactiveKeys\trevokedKeys");
                    workspaces(dynamo, table).forEach((workspace, counts) ->
                            out.println(workspace + "\t" + counts[0] + "\t" + counts[1]));
                }
                default -> throw new IllegalStateException("unparsed command " + options.command());
            }
            return 0;
        } catch (ApiProblem problem) {
            err.println(problem.getMessage());
            return 1;
        }
    }

    /** Every workspace that holds a key: the keys table is small, so one paginated scan of two attributes. */
    private static Map<String, long[]> workspaces(DynamoDbClient dynamo, String table) {
        Map<String, long[]> counts = new TreeMap<>();
        dynamo.scanPaginator(r -> r.tableName(table).projectionExpression("#ws, #revoked")
                        .expressionAttributeNames(Map.of("#ws", ApiKeyAttributes.WORKSPACE_ID, "#revoked", ApiKeyAttributes.REVOKED_AT)))
                .items().forEach(item -> counts.computeIfAbsent(item.get(ApiKeyAttributes.WORKSPACE_ID).s(), w -> new long[2])
                        [item.containsKey(ApiKeyAttributes.REVOKED_AT) ? 1 : 0]++);
        return counts;
    }
}
