package dev.shortstack.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/** The soak's HTTP side: every request is sent asynchronously (at most {@code MAX_IN_FLIGHT} at once) and its answer kept. */
final class SoakClient {
    static final String HUMAN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    static final String BOT = "curl/8.5.0";
    private static final int MAX_IN_FLIGHT = 256;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final String baseUrl;
    private final String key;

    SoakClient(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    Queue<Answer> answers() {
        return answers;
    }

    void redirect(String slug, boolean human) {
        send("redirect", slug, HttpRequest.newBuilder(URI.create(baseUrl + "/" + slug)).header("User-Agent", human ? HUMAN : BOT).GET(),
                (status, response) -> { });
    }

    /** @param then told the status (0: no answer) and the response (null without one) */
    void api(String op, String key, String method, String path, String body, String contentType,
             BiConsumer<Integer, HttpResponse<String>> then) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + this.key)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (method.equals("PATCH") || method.equals("DELETE")) {
            request.header("If-Match", "*");
        }
        send(op, key, request, then);
    }

    private void send(String op, String key, HttpRequest.Builder request, BiConsumer<Integer, HttpResponse<String>> then) {
        inFlight.acquireUninterruptibly();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        sent.whenComplete((response, failure) -> {
            inFlight.release();
            long latency = System.nanoTime() - started;
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                answers.add(new Answer(started, latency, op, key, 0, false, cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                then.accept(0, null);
                return;
            }
            answers.add(new Answer(started, latency, op, key, response.statusCode(), response.headers().firstValue("retry-after").isPresent(), null));
            then.accept(response.statusCode(), response);
        });
    }

    /** Waits for every request sent so far to be answered. */
    void drain() {
        inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
    }

    /** A request outside the measured load (setup, checks): its answer, synchronously. */
    HttpResponse<String> now(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
