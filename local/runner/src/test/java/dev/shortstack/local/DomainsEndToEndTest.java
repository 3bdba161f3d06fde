package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several short domains on one local runner started as a user would ({@code --domain}), over real HTTP: links are made per
 * domain through the API, visits are resolved by the Host they name (the same slug on two domains goes two ways), an owner's
 * root and not-found pages answer visits that find no link, those visits are its orphan visits (never a link's clicks), and
 * a click on a domain's link is counted in its stats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainsEndToEndTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalRunner runner;
    private int port;

    @BeforeAll
    void start() {
        runner = LocalRunner.start(LocalOptions.parse(new String[] {"--port", "0", "--in-memory", "--domain", "go.localhost",
                "--domain", "team.localhost=other-team"}, Map.of()));
        port = URI.create(runner.baseUrl()).getPort();
    }

    @AfterAll
    void stop() {
        runner.close();
    }

    @Test
    void linksLiveOnTheirDomainAndVisitsResolveByHost() throws Exception {
        JsonNode onGo = api("POST", "/v1/links", "{\"url\":\"https://example.com/go\",\"slug\":\"spring\",\"domain\":\"go.localhost\"}", 201);
        JsonNode onDefault = api("POST", "/v1/links", "{\"url\":\"https://example.com/default\",\"slug\":\"spring\"}", 201);
        assertThat(onGo.path("shortUrl").asText()).isEqualTo("http://go.localhost:" + port + "/spring");
        assertThat(onDefault.path("shortUrl").asText()).isEqualTo("http://localhost:" + port + "/spring");

        assertThat(visit("go.localhost:" + port, "/spring")).containsEntry("status", "302").containsEntry("location", "https://example.com/go");
        assertThat(visit("GO.localhost", "/spring")).containsEntry("location", "https://example.com/go");
        assertThat(visit("localhost:" + port, "/spring")).containsEntry("location", "https://example.com/default");
        assertThat(visit("127.0.0.1:" + port, "/spring")).as("a host the runner was not told of is the default domain")
                .containsEntry("location", "https://example.com/default");
        assertThat(visit("team.localhost", "/spring")).containsEntry("status", "404");

        JsonNode refused = api("POST", "/v1/links", "{\"url\":\"https://example.com/x\",\"domain\":\"team.localhost\"}", 400);
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("domain");

        QuietQueues.awaitClicks(runner);
        JsonNode goStats = api("GET", "/v1/links/spring/stats?domain=go.localhost", null, 200);
        JsonNode defaultStats = api("GET", "/v1/links/spring/stats", null, 200);
        assertThat(goStats.path("totals").path("human").asLong() + goStats.path("totals").path("bot").asLong())
                .as("two visits of go.localhost/spring").isEqualTo(2);
        assertThat(defaultStats.path("totals").path("human").asLong() + defaultStats.path("totals").path("bot").asLong())
                .as("two visits of the default domain's spring").isEqualTo(2);
    }

    @Test
    void anOwnersRootAndNotFoundPagesAnswerVisitsThatFindNoLink() throws Exception {
        JsonNode domains = api("GET", "/v1/domains", null, 200);
        assertThat(domains.path("items")).extracting(d -> d.path("domain").asText()).containsExactly("localhost", "go.localhost");

        JsonNode set = api("PATCH", "/v1/domains/go.localhost",
                "{\"rootUrl\":\"https://example.com/home\",\"notFoundUrl\":\"https://example.com/missing\"}", 200);
        assertThat(set.path("owned").asBoolean()).isTrue();

        assertThat(visit("go.localhost", "/")).containsEntry("status", "302").containsEntry("location", "https://example.com/home");
        assertThat(visit("go.localhost", "/no-such-link")).containsEntry("status", "302")
                .containsEntry("location", "https://example.com/missing");
        assertThat(visit("localhost", "/")).as("the runner's own root opens the dashboard").containsEntry("location", "/app/");
        assertThat(visit("localhost", "/no-such-link")).containsEntry("status", "404");
        assertThat(visit("go.localhost", "/robots.txt")).containsEntry("status", "302");
        assertThat(visit("team.localhost", "/elsewhere")).as("another workspace's domain, without pages").containsEntry("status", "404");

        // Exactly: once nothing is queued or in flight, every orphan visit is archived and nothing more can come.
        QuietQueues.awaitClicks(runner);
        JsonNode orphans = api("GET", "/v1/domains/go.localhost/visits", null, 200);
        assertThat(orphans.path("kinds").toString()).isEqualTo("{\"base_url\":1,\"invalid_short_url\":1,\"regular_404\":1}");
        assertThat(orphans.path("items")).extracting(v -> v.path("kind").asText() + " " + v.path("path").asText())
                .containsExactlyInAnyOrder("base_url /", "invalid_short_url /no-such-link", "regular_404 /robots.txt");
        api("GET", "/v1/domains/team.localhost/visits", null, 404);
        JsonNode shlink = shlink("/rest/v3/visits/orphan");
        assertThat(shlink.path("visits").path("data")).extracting(v -> v.path("type").asText() + " " + v.path("visitedUrl").asText())
                .containsExactlyInAnyOrder("base_url http://go.localhost:" + port + "/",
                        "invalid_short_url http://go.localhost:" + port + "/no-such-link",
                        "regular_404 http://go.localhost:" + port + "/robots.txt",
                        "invalid_short_url http://localhost:" + port + "/no-such-link");
    }

    private JsonNode shlink(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("X-Api-Key", runner.adminKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private JsonNode api(String method, String path, String body, int status) throws Exception {
        return RunnerApi.call(http, runner, method, path, body, status);
    }

    /** A GET naming this Host, as a browser on that domain sends it (Java's HTTP client will not set Host). */
    private Map<String, String> visit(String host, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\nUser-Agent: Mozilla/5.0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String[] lines = read(socket.getInputStream()).split("\r\n");
            Map<String, String> answer = new HashMap<>();
            answer.put("status", lines[0].split(" ")[1]);
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                int colon = lines[i].indexOf(':');
                answer.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return answer;
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
