package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.keys.ApiKeyService;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

/**
 * The API's abuse limits over real HTTP: one key's burst is cut at its per-second limit with 429 and
 * Retry-After while another key goes on unhindered, and a client sending keys that are not valid is
 * answered 429 once it has failed too often this minute, before its key is even looked at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The wrong keys block this machine's address for the rest of its minute: the burst goes first.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiLimitsEndToEndTest {
    private static final int KEY_REQUESTS_PER_SECOND = 20;
    private static final int AUTH_FAILURES_PER_MINUTE = 10;
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalRunner runner;

    @BeforeAll
    void start() {
        runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()).withFunctionSettings(Map.of(
                EnvNames.API_KEY_REQUESTS_PER_SECOND, Integer.toString(KEY_REQUESTS_PER_SECOND),
                EnvNames.API_AUTH_FAILURES_PER_MINUTE, Integer.toString(AUTH_FAILURES_PER_MINUTE))));
    }

    @AfterAll
    void stop() {
        runner.close();
    }

    private CompletableFuture<HttpResponse<String>> session(String key) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/session"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String newKey(String name) {
        return new ApiKeyService(new DynamoApiKeyStore(runner.aws().dynamo(), runner.stage().resourceEnv().get(EnvNames.API_KEYS_TABLE)),
                Clock.systemUTC()).issue(LocalRunner.WORKSPACE, Role.READ, name).plaintext();
    }

    @Test
    @Order(1)
    void aBurstOfOneKeyIsCutAtItsLimitWhileAnotherKeyIsUnaffected() throws Exception {
        String busy = newKey("burst");
        String calm = newKey("calm");
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> other = new ArrayList<>();
        long started = System.currentTimeMillis() / 1000;
        for (int i = 0; i < 1_000; i++) {
            burst.add(session(busy));
            if (i % 100 == 0) {
                other.add(session(calm));
            }
        }
        List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();
        long seconds = System.currentTimeMillis() / 1000 - started + 1;

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses.keySet()).as("statuses of the burst").containsExactlyInAnyOrder(200, 429);
        assertThat(statuses.get(200)).as("answered within %d s at %d a second", seconds, KEY_REQUESTS_PER_SECOND)
                .isLessThanOrEqualTo(seconds * KEY_REQUESTS_PER_SECOND);
        for (HttpResponse<String> limited : answers.stream().filter(r -> r.statusCode() == 429).toList()) {
            assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
            assertThat(limited.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(Json.mapper().readTree(limited.body()).path("type").asText()).isEqualTo("urn:shortstack:problem:rate-limited");
        }
        assertThat(other.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                .as("the other key's requests during the burst").hasSize(10).containsOnly(200);
    }

    @Test
    @Order(2)
    void aClientSendingWrongKeysIsThrottledBeforeItsKeysAreLookedAt() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 100; i++) {
            last = session("ssk_wrongwrongwr_" + String.format("%032d", i)).join();
            statuses.add(last.statusCode());
        }
        // Failures of one minute: the throttle may meet a minute boundary once, letting at most one more run of failures through.
        long unauthorized = statuses.stream().filter(s -> s == 401).count();
        assertThat(statuses).containsOnly(401, 429);
        assertThat(unauthorized).isBetween((long) AUTH_FAILURES_PER_MINUTE, 2L * AUTH_FAILURES_PER_MINUTE);
        assertThat(statuses.subList(0, AUTH_FAILURES_PER_MINUTE)).containsOnly(401);
        JsonNode problem = Json.mapper().readTree(last.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:shortstack:problem:rate-limited");
        assertThat(Integer.parseInt(last.headers().firstValue("retry-after").orElseThrow())).isBetween(1, 60);
        // Even a valid key from that client waits now: guessing cannot tell a valid key from a throttled one.
        assertThat(session(runner.adminKey()).join().statusCode()).isEqualTo(429);
    }
}
