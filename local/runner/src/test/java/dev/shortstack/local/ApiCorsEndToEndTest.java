package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A browser app on another origin calls the API, as the HTTP API's CORS configuration allows it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCorsEndToEndTest {
    private static final String APP = "http://localhost:5173";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private LocalRunner runner;

    @BeforeAll
    void start() {
        runner = LocalRunner.start(LocalOptions.parse(new String[] {"--port", "0", "--in-memory", "--cors-origin", APP}, Map.of()));
    }

    @AfterAll
    void stop() {
        runner.close();
    }

    @Test
    void aPreflightFromTheConfiguredOriginIsAnsweredWithTheRules() throws Exception {
        HttpResponse<String> preflight = send(preflight(APP));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(APP);
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST,PUT,PATCH,DELETE");
        assertThat(preflight.headers().firstValue("access-control-allow-headers")).hasValue("authorization,content-type,if-match,x-api-key");
        assertThat(preflight.headers().firstValue("access-control-max-age")).hasValue("600");
    }

    @Test
    void anotherOriginGetsNoCorsHeadersSoItsBrowserRefusesTheCall() throws Exception {
        HttpResponse<String> preflight = send(preflight("https://evil.example"));
        HttpResponse<String> list = send(list("https://evil.example"));

        assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
        assertThat(list.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void answersToTheConfiguredOriginLetItReadTheETagAndLocationButShortLinksAreNotTheApis() throws Exception {
        HttpResponse<String> list = send(list(APP));
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/no-such-slug"))
                .header("Origin", APP).build());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("access-control-allow-origin")).hasValue(APP);
        assertThat(list.headers().firstValue("access-control-expose-headers")).hasValue("etag,location,retry-after");
        assertThat(redirect.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void anOriginThatIsNotOneIsRefusedAtStart() {
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--cors-origin", "*"}, Map.of()))
                .hasMessageContaining("--cors-origin");
        assertThat(LocalOptions.parse(new String[0], Map.of("SHORTSTACK_CORS_ORIGINS", "https://a.example, http://localhost:3000"))
                .corsOrigins()).containsExactly("https://a.example", "http://localhost:3000");
        assertThat(new LocalOptions(0, Optional.empty(), false, Optional.empty()).corsOrigins()).isEqualTo(List.of());
    }

    private HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/links"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
    }

    private HttpRequest list(String origin) {
        return HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/links"))
                .header("Origin", origin)
                .header("Authorization", "Bearer " + runner.adminKey())
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
