package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 100,000 links imported into one local Shortstack with progress watched while it runs,
 * exported, and imported into a second one: both hold the same links. Uploads and downloads go
 * through the presigned URLs, and the import starts from the (emulated) S3 notification.
 */
class BatchJobsEndToEndTest {
    private static final int ROWS = 100_000;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHundredThousandRowImportShowsProgressAndItsExportReimportsToTheSameLinks() throws Exception {
        String exported;
        String reexported;
        try (LocalRunner source = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()))) {
            long started = System.nanoTime();
            JsonNode imported = importFile(source, "shortstack-csv", file());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(imported.path("status").asText()).isEqualTo("succeeded");
            assertThat(imported.path("progress").path("rowsSucceeded").asLong()).isEqualTo(ROWS);
            System.out.printf("Imported %,d rows in %.1f s: %.0f rows/s end to end (the job reports %.0f rows/s)%n",
                    ROWS, seconds, ROWS / seconds, imported.path("progress").path("rowsPerSecond").asDouble());
            exported = export(source);
        }
        assertThat(exported.lines().count()).isEqualTo(ROWS + 1);
        try (LocalRunner target = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()))) {
            JsonNode reimported = importFile(target, "shortstack-csv", exported);
            assertThat(reimported.path("status").asText()).isEqualTo("succeeded");
            assertThat(reimported.path("warnings")).isEmpty();
            reexported = export(target);
        }
        assertThat(withoutCreationTimes(reexported)).isEqualTo(withoutCreationTimes(exported));
    }

    @Test
    void statsAndClicksExportsCarryWhatTheAnalyticsCounted() throws Exception {
        try (LocalRunner runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()))) {
            api(runner, "POST", "/v1/links", "{\"url\":\"https://example.com/exported\",\"slug\":\"exp-1\"}", 201);
            for (int i = 0; i < 7; i++) {
                String agent = i < 5 ? "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0 Safari/537.36"
                        : "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
                HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/exp-1"))
                        .header("User-Agent", agent).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(redirect.statusCode()).isEqualTo(302);
            }
            // Exactly: once the clicks queue is quiet, every click is archived and no more can come.
            QuietQueues.awaitClicks(runner);
            JsonNode totals = api(runner, "GET", "/v1/links/exp-1/stats", null, 200).path("totals");
            assertThat(totals.toString()).isEqualTo("{\"human\":5,\"bot\":2,\"unique\":1}");
            String linkId = api(runner, "GET", "/v1/links/exp-1/stats", null, 200).path("linkId").asText();
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            String range = ",\"from\":\"" + today.minusDays(1) + "\",\"to\":\"" + today.plusDays(1) + "\"}";

            List<String> stats = download(runner, "{\"type\":\"stats\",\"format\":\"csv\"" + range).lines().toList();
            List<String> clicks = download(runner, "{\"type\":\"clicks\",\"format\":\"csv\"" + range).lines().toList();

            assertThat(stats).hasSize(2);
            assertThat(stats.get(0)).isEqualTo("slug,linkId,day,humanClicks,botClicks,uniqueVisitors");
            assertThat(stats.get(1)).isEqualTo("exp-1," + linkId + "," + today + ",5,2,1");
            assertThat(clicks).hasSize(8);
            assertThat(clicks.get(0)).startsWith("clickId,occurredAt,slug,linkId,method,status,userAgent");
            assertThat(clicks.subList(1, 8)).allSatisfy(row -> assertThat(row).contains(",exp-1," + linkId + ",GET,302,"));
        }
    }

    private String download(LocalRunner runner, String exportRequest) throws Exception {
        JsonNode created = api(runner, "POST", "/v1/exports", exportRequest, 202);
        JsonNode done = awaitEnd(runner, created.path("id").asText(), new ArrayList<>());
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");
        return http.send(HttpRequest.newBuilder(URI.create(done.path("result").path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Rows with and without slugs, tags, expiry, visit limits, redirect types and disabled flags. */
    private static String file() {
        StringBuilder csv = new StringBuilder("slug,url,tags,expiresAt,maxVisits,redirectType,disabled\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(i % 4 == 0 ? "" : "bulk-" + i).append(',')
                    .append("https://example.com/catalogue/").append(i).append("?ref=import").append(',')
                    .append(i % 3 == 0 ? "spring|sale" : "").append(',')
                    .append(i % 10 == 0 ? "2031-06-01T00:00:00Z" : "").append(',')
                    .append(i % 7 == 0 ? "1000" : "").append(',')
                    .append(i % 5 == 0 ? "301" : "").append(',')
                    .append(i % 50 == 0).append('\n');
        }
        return csv.toString();
    }

    /** Creates an import, uploads the file to its presigned URL and watches it until it ends. */
    private JsonNode importFile(LocalRunner runner, String format, String content) throws Exception {
        JsonNode created = api(runner, "POST", "/v1/imports", "{\"format\":\"" + format + "\"}", 202);
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(created.path("upload").path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofString(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        List<JsonNode> whileRunning = new ArrayList<>();
        JsonNode done = awaitEnd(runner, created.path("id").asText(), whileRunning);
        assertThat(whileRunning).as("progress seen while the import ran").anySatisfy(job -> {
            long rowsDone = job.path("progress").path("rowsDone").asLong();
            assertThat(rowsDone).isBetween(1L, ROWS - 1L);
            assertThat(job.path("progress").path("percent").asDouble()).isBetween(0.1, 99.9);
            assertThat(job.path("progress").path("rowsPerSecond").asDouble()).isPositive();
            assertThat(job.path("progress").path("etaSeconds").isNumber()).isTrue();
        });
        return done;
    }

    private String export(LocalRunner runner) throws Exception {
        JsonNode created = api(runner, "POST", "/v1/exports", "{\"type\":\"links\",\"format\":\"csv\"}", 202);
        JsonNode done = awaitEnd(runner, created.path("id").asText(), new ArrayList<>());
        assertThat(done.path("status").asText()).isEqualTo("succeeded");
        assertThat(done.path("result").path("rows").asLong()).isEqualTo(ROWS);
        HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(done.path("result").path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        return download.body();
    }

    private JsonNode awaitEnd(LocalRunner runner, String jobId, List<JsonNode> whileRunning) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = api(runner, "GET", "/v1/jobs/" + jobId, null, 200);
            if (last[0].path("status").asText().equals("running")) {
                whileRunning.add(last[0]);
            }
            return Set.of("succeeded", "partially_succeeded", "failed", "cancelled").contains(last[0].path("status").asText());
        });
        return last[0];
    }

    private JsonNode api(LocalRunner runner, String method, String path, String body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("Authorization", "Bearer " + runner.adminKey());
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.mapper().readTree(response.body());
    }

    /** Export lines without their last column, the creation time, which a re-import sets anew. */
    private static Set<String> withoutCreationTimes(String csv) {
        Set<String> rows = new HashSet<>();
        csv.lines().forEach(line -> rows.add(line.substring(0, line.lastIndexOf(','))));
        return rows;
    }
}
