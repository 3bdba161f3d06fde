package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.DashboardPolicy;
import dev.shortstack.shared.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The local runner driven over real HTTP, as a user with curl would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalRunnerEndToEndTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private LocalRunner runner;

    @BeforeAll
    void start() {
        runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()));
    }

    @AfterAll
    void stop() {
        runner.close();
    }

    @Test
    void createFollowAndTheClickIsCountedAndArchivedWithoutTheIp() throws Exception {
        HttpResponse<String> created = send(post("/v1/links", "{\"url\":\"https://example.com/e2e\",\"tags\":[\"e2e\"]}"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode link = Json.mapper().readTree(created.body());
        String slug = link.path("slug").asText();
        assertThat(link.path("shortUrl").asText()).isEqualTo(runner.baseUrl() + "/" + slug);

        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/" + slug))
                .header("User-Agent", "e2e-test/1.0").header("Referer", "https://ref.example/").build());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location")).hasValue("https://example.com/e2e");

        QuietQueues.awaitClicks(runner);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/links/" + slug + "/stats"))
                .header("Authorization", "Bearer " + runner.adminKey()).build());
        JsonNode stats = Json.mapper().readTree(response.body());
        assertThat(stats.path("totals").path("human").asLong()).isEqualTo(1);
        assertThat(stats.path("totals").path("bot").asLong()).isZero();
        assertThat(stats.path("breakdowns").path("referrer").toString()).isEqualTo("[{\"value\":\"ref.example\",\"clicks\":1}]");

        String bucket = runner.stage().resourceEnv().get(EnvNames.CLICK_ARCHIVE_BUCKET);
        List<String> archived = new ArrayList<>();
        for (S3Object object : runner.aws().s3().listObjectsV2(r -> r.bucket(bucket).prefix(ArchiveLayout.ROOT)).contents()) {
            byte[] gz = runner.aws().s3().getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray();
            archived.add(new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8));
            ArchiveCodec.decode(object.key(), gz).stream().filter(click -> click.slug().equals(slug)).forEach(click -> {
                assertThat(click.userAgent()).isEqualTo("e2e-test/1.0");
                assertThat(click.referrer()).isEqualTo("https://ref.example/");
                assertThat(click.visitorHash()).hasSize(32);
            });
        }
        assertThat(String.join("\n", archived)).as("the archive never holds the client IP").contains(slug).doesNotContain("127.0.0.1");
    }

    @Test
    void fiftyConcurrentCreatesOfOneSlugOverHttpGiveOne201AndFortyNine409() {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            responses.add(http.sendAsync(post("/v1/links", "{\"url\":\"https://example.com/" + i + "\",\"slug\":\"race\"}"),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).isEqualTo(49);
    }

    @Test
    void unknownSlugsAre404AndTheHealthCheckAnswers() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/no-such-slug")).build()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/health")).build()).statusCode()).isEqualTo(200);
        HttpResponse<String> deeper = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/a/b")).build());
        assertThat(deeper.statusCode()).as("CloudFront sends every path outside /v1 to the redirect").isEqualTo(404);
        assertThat(deeper.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/some-slug"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(posted.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(posted.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(posted.body()).contains("\"type\":\"urn:shortstack:problem:method-not-allowed\"");
    }

    @Test
    void theDashboardIsServedUnderAppWithCloudFrontsCacheRules() throws Exception {
        HttpResponse<String> root = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/")).build());
        HttpResponse<String> index = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/app/")).build());
        String script = index.body().replaceAll("(?s).*src=\"(/app/assets/[^\"]+\\.js)\".*", "$1");
        HttpResponse<String> asset = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + script)).build());
        HttpResponse<String> escape = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/app/..%2f..%2fpom.xml")).build());

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("location")).hasValue("/app/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("cache-control")).hasValue("no-cache");
        String s3 = runner.aws().awsEnv().get(EnvNames.ENDPOINT_URL + "_S3").replaceAll("/+$", "");
        assertThat(index.headers().firstValue("content-security-policy"))
                .as("CloudFront's /app/* policy, with the emulated bucket as the upload origin")
                .hasValue(DashboardPolicy.contentSecurityPolicy(List.of(s3)));
        assertThat(script).startsWith("/app/assets/index-");
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(escape.statusCode()).isEqualTo(404);
    }

    @Test
    void dataAndTheAdminKeySurviveARestart(@TempDir Path dataDir) throws Exception {
        String key;
        try (LocalRunner first = LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), false, Optional.empty()))) {
            key = first.adminKey();
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/v1/links"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/kept\",\"slug\":\"kept\"}")).build());
            assertThat(created.statusCode()).isEqualTo(201);
        }
        try (LocalRunner second = LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), false, Optional.empty()))) {
            assertThat(second.adminKey()).isEqualTo(key);
            HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(second.baseUrl() + "/kept")).build());
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("location")).hasValue("https://example.com/kept");
        }
        try (LocalRunner fresh = LocalRunner.start(new LocalOptions(0, Optional.of(dataDir), true, Optional.empty()))) {
            assertThat(fresh.adminKey()).isNotEqualTo(key);
            assertThat(send(HttpRequest.newBuilder(URI.create(fresh.baseUrl() + "/kept")).build()).statusCode()).isEqualTo(404);
        }
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("Authorization", "Bearer " + runner.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
