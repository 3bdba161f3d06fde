package dev.shortstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.local.LocalOptions;
import dev.shortstack.local.LocalRunner;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Rows per second into the local runner two ways, in one run: the baseline is what a migration
 * script would do (one {@code POST /v1/links} per row, 8 requests in flight); the import uploads
 * one file and lets the jobs worker do it, printing the job's progress as it goes. Usage:
 * {@code java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.ImportBench [rows] [baselineRows]}.
 */
public final class ImportBench {
    private static final int IN_FLIGHT = 8;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int baselineRows = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (LocalRunner runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty()))) {
            double baseline = postOneByOne(runner, baselineRows);
            double imported = importFile(runner, rows);
            System.out.printf(Locale.ROOT, "%n| method | rows | rows/s | × baseline |%n| --- | ---: | ---: | ---: |%n");
            System.out.printf(Locale.ROOT, "| POST /v1/links, %d in flight (baseline) | %,d | %,.0f | 1.00 |%n", IN_FLIGHT, baselineRows, baseline);
            System.out.printf(Locale.ROOT, "| import job (upload, plan, chunks) | %,d | %,.0f | %.2f |%n", rows, imported, imported / baseline);
        }
    }

    private static double postOneByOne(LocalRunner runner, int rows) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>(rows);
        long start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            inFlight.acquireUninterruptibly();
            String body = "{\"url\":\"https://example.com/baseline/" + i + "\",\"tags\":[\"bench\"]}";
            responses.add(HTTP.sendAsync(request(runner, "/v1/links").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> inFlight.release()));
        }
        long failed = responses.stream().map(CompletableFuture::join).filter(r -> r.statusCode() != 201).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed > 0) {
            throw new IllegalStateException(failed + " baseline creates failed");
        }
        System.out.printf(Locale.ROOT, "Baseline: %,d links by POST /v1/links in %.1f s%n", rows, seconds);
        return rows / seconds;
    }

    private static double importFile(LocalRunner runner, int rows) throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("slug,url,tags\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i % 2 == 0 ? "" : "bench-" + i).append(",https://example.com/import/").append(i).append(",bench|import\n");
        }
        JsonNode created = send(request(runner, "/v1/imports").POST(HttpRequest.BodyPublishers.ofString("{\"format\":\"shortstack-csv\"}")));
        String jobId = created.path("id").asText();
        long start = System.nanoTime();
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(created.path("upload").path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (upload.statusCode() != 200) {
            throw new IllegalStateException("Upload refused: " + upload.body());
        }
        JsonNode job;
        do {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            job = send(request(runner, "/v1/jobs/" + jobId).GET());
            JsonNode p = job.path("progress");
            System.out.printf(Locale.ROOT, "%5.0f s  %-10s %,7d / %,d rows  %5.1f %%  %,6.0f rows/s  ETA %s s%n",
                    (System.nanoTime() - start) / 1e9, job.path("status").asText(), p.path("rowsDone").asLong(), rows,
                    p.path("percent").asDouble(), p.path("rowsPerSecond").asDouble(), p.path("etaSeconds").asText("-"));
        } while (job.path("status").asText().equals("queued") || job.path("status").asText().equals("running"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (job.path("progress").path("rowsSucceeded").asLong() != rows) {
            throw new IllegalStateException("Import ended " + job);
        }
        System.out.printf(Locale.ROOT, "Import: %,d rows in %.1f s from the start of the upload to the end of the job%n", rows, seconds);
        return rows / seconds;
    }

    private static HttpRequest.Builder request(LocalRunner runner, String path) {
        return HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("Authorization", "Bearer " + runner.adminKey())
                .header("Content-Type", "application/json");
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return Json.mapper().readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
