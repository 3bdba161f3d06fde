package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.emulators.EmulatedAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shortstack-local.jar admin …}: keys and workspaces without the API, locally and on a stage's tables. */
class AdminCommandTest {

    @Test
    void aKeyCreatedInTheDataFolderOpensTheApiOfTheNextRunAndCanBeRevoked(@TempDir Path dataDir) throws Exception {
        LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), false, Optional.empty())).close();

        Result created = admin("create-key", "--workspace", "acme", "--role", "write", "--name", "ci", "--data-dir", dataDir.toString());
        String key = created.out().trim();
        Result listed = admin("list-keys", "--workspace", "acme", "--data-dir", dataDir.toString());
        Result workspaces = admin("workspaces", "--data-dir", dataDir.toString());

        assertThat(created.code()).isZero();
        assertThat(key).matches("ssk_[a-z2-7]+_[A-Za-z0-9]+");
        String keyId = key.split("_")[1];
        assertThat(listed.out().lines()).hasSize(2).element(1).asString().startsWith(keyId + "\twrite\tci\t").endsWith("\t-");
        assertThat(workspaces.out().lines()).containsExactly("workspace\tactiveKeys\trevokedKeys", "acme\t1\t0", "default\t1\t0");
        try (LocalRunner runner = LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), false, Optional.empty()))) {
            assertThat(listLinks(runner, key)).isEqualTo(200);
        }

        Result revoked = admin("revoke-key", "--workspace", "acme", "--key-id", keyId, "--data-dir", dataDir.toString());
        Result unknown = admin("revoke-key", "--workspace", "acme", "--key-id", "nope", "--data-dir", dataDir.toString());

        assertThat(revoked.code()).isZero();
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("No API key 'nope' in this workspace.");
        assertThat(admin("workspaces", "--data-dir", dataDir.toString()).out().lines()).contains("acme\t0\t1");
        try (LocalRunner runner = LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), false, Optional.empty()))) {
            assertThat(listLinks(runner, key)).isEqualTo(401);
        }
    }

    @Test
    void aDeployedStagesTablesAreReachedByStageNameRegionAndOptionallyAnEndpoint() {
        String stage = "s" + UUID.randomUUID().toString().substring(0, 8);
        System.setProperty("aws.accessKeyId", EmulatedAws.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", EmulatedAws.SECRET_KEY);
        try (EmulatedAws aws = EmulatedAws.start(Optional.empty())) {
            aws.provision(stage);
            String endpoint = aws.dynamoEndpoint().toString();

            Result created = admin("create-key", "--workspace", "team", "--stage", stage, "--region", "eu-west-1",
                    "--endpoint-url", endpoint);
            Result workspaces = admin("workspaces", "--stage", stage, "--region", "eu-west-1", "--endpoint-url", endpoint);

            assertThat(created.code()).isZero();
            assertThat(workspaces.out().lines()).containsExactly("workspace\tactiveKeys\trevokedKeys", "team\t1\t0");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void aCommandThatCannotRunSaysWhyBeforeTouchingAnything(@TempDir Path empty) {
        assertThatThrownBy(() -> AdminOptions.parse(new String[] {"drop-table"}, Map.of()))
                .hasMessageStartingWith("Unknown command 'drop-table'");
        assertThatThrownBy(() -> AdminOptions.parse(new String[] {"create-key"}, Map.of()))
                .hasMessageStartingWith("create-key needs --workspace");
        assertThatThrownBy(() -> AdminOptions.parse(new String[] {"create-key", "--workspace", "w", "--role", "owner"}, Map.of()))
                .hasMessageStartingWith("--role must be admin, write or read");
        assertThatThrownBy(() -> AdminOptions.parse(new String[] {"workspaces", "--stage", "prod"}, Map.of()))
                .hasMessageStartingWith("--stage needs --region");
        assertThatThrownBy(() -> AdminOptions.parse(
                new String[] {"workspaces", "--stage", "prod", "--region", "x", "--data-dir", "d"}, Map.of()))
                .hasMessageStartingWith("Give either --data-dir or --stage");
        assertThatThrownBy(() -> AdminOptions.parse(new String[] {"revoke-key", "--workspace", "w"}, Map.of()))
                .hasMessageStartingWith("revoke-key needs --key-id");

        assertThat(AdminOptions.parse(new String[] {"workspaces"}, Map.of("SHORTSTACK_DATA_DIR", empty.toString())).dataDir())
                .as("the runner's own data folder setting").hasValue(empty.toAbsolutePath());
        Result missing = admin("workspaces", "--data-dir", empty.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("No data folder at ");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result admin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCommand.run(AdminOptions.parse(args, Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int listLinks(LocalRunner runner, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/links"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
