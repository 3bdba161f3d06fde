package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The runner survives its DynamoDB emulator dying: Dynoxide is SIGKILLed under a running runner, the runner starts it again
 * on the same port and data file, and the functions' clients go on without a runner restart — the links made before are
 * there, new ones can be made, redirects answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorRestartEndToEndTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path dataDir;
    private LocalRunner runner;

    /** A data folder: Dynoxide's SQLite file is what carries the data across the kill. */
    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("shortstack-restart");
        runner = LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), false, Optional.empty()));
    }

    @AfterAll
    void stop() throws Exception {
        runner.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aKilledDynoxideIsStartedAgainAndTheFunctionsCarryOnWithTheirData() throws Exception {
        RunnerApi.call(http, runner, "POST", "/v1/links", "{\"url\":\"https://example.com/before\",\"slug\":\"before-kill\"}", 201);
        long pid = runner.aws().dynoxidePid();

        assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());

        assertThat(runner.aws().awaitDynoxideRestarts(1, Duration.ofSeconds(30))).as("Dynoxide started again").isTrue();
        assertThat(runner.aws().dynoxideRestarts()).isEqualTo(1);
        assertThat(runner.aws().dynoxidePid()).isNotEqualTo(pid);
        JsonNode before = RunnerApi.call(http, runner, "GET", "/v1/links/before-kill", null, 200);
        assertThat(before.path("url").asText()).isEqualTo("https://example.com/before");
        RunnerApi.call(http, runner, "POST", "/v1/links", "{\"url\":\"https://example.com/after\",\"slug\":\"after-kill\"}", 201);
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/after-kill")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location")).hasValue("https://example.com/after");
    }
}
