package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.emulators.FaultProxy;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The replay path closed, over real HTTP and a real outage: every function reaches SQS through a proxy that refuses all
 * connections for 30 s in the middle of a steady load. The redirect keeps answering (a click SQS refuses is logged for
 * replay), the runner feeds its replay log to the replay function as CloudWatch Logs feeds it in AWS, and once the queue
 * is back every click answered 302 is counted exactly once; replaying the whole log a second time changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickReplayEndToEndTest {
    private static final List<String> SLUGS = List.of("replay-a", "replay-b", "replay-c");
    private static final Duration LOAD = Duration.ofSeconds(50);
    private static final Duration OUTAGE_START = Duration.ofSeconds(8);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final long INTERVAL_MILLIS = 50;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private FaultProxy sqs;
    private LocalRunner runner;

    @BeforeAll
    void start() {
        sqs = FaultProxy.start();
        runner = LocalRunner.start(new LocalOptions(0, Optional.empty(), false, Optional.empty())
                .withFunctionSettings(Map.of(EnvNames.ENDPOINT_URL + "_SQS", sqs.endpoint().toString())));
        // The runner's own event source mappings and schedule talk to ElasticMQ directly; the functions go through the proxy.
        sqs.forwardTo(URI.create(runner.aws().awsEnv().get(EnvNames.ENDPOINT_URL + "_SQS")));
    }

    @AfterAll
    void stop() {
        runner.close();
        sqs.close();
    }

    @Test
    void clicksSqsRefusedFor30SecondsAreCountedAfterRecoveryThroughTheReplayPathExactlyOnce() throws Exception {
        for (String slug : SLUGS) {
            api("POST", "/v1/links", "{\"url\":\"https://example.com/" + slug + "\",\"slug\":\"" + slug + "\"}", 201);
        }
        Map<String, Integer> answered = new TreeMap<>();
        int redirects = (int) (LOAD.toMillis() / INTERVAL_MILLIS);
        List<CompletableFuture<HttpResponse<Void>>> responses = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> slugOf = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch sent = new CountDownLatch(redirects);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(1);
        try {
            // The outage and the load on one clock: the proxy refuses from OUTAGE_START for OUTAGE, one redirect per tick.
            load.schedule(sqs::refuse, OUTAGE_START.toMillis(), TimeUnit.MILLISECONDS);
            load.schedule(sqs::forward, OUTAGE_START.plus(OUTAGE).toMillis(), TimeUnit.MILLISECONDS);
            load.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= redirects) {
                    return;
                }
                String slug = SLUGS.get(i % SLUGS.size());
                slugOf.add(slug);
                responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/" + slug))
                        .header("User-Agent", "Mozilla/5.0 (Windows NT 10.0) Chrome/126.0").build(), HttpResponse.BodyHandlers.discarding()));
                sent.countDown();
            }, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            sent.await();
        } finally {
            load.shutdownNow();
        }
        sqs.forward();
        for (int i = 0; i < responses.size(); i++) {
            assertThat(responses.get(i).join().statusCode()).as("redirect " + i + " of " + slugOf.get(i)).isEqualTo(302);
            answered.merge(slugOf.get(i), 1, Integer::sum);
        }

        QuietQueues.awaitClicksAndReplays(runner);
        long replayed = runner.clicksLoggedForReplay();
        assertThat(replayed).as("clicks SQS refused during the outage, logged for replay").isPositive();
        assertThat(counted()).as("clicks counted, %d of them through the replay path", replayed).isEqualTo(answered);

        runner.replayAllAgain();
        QuietQueues.awaitClicksAndReplays(runner);
        assertThat(counted()).as("after replaying all %d logged clicks a second time", replayed).isEqualTo(answered);
        System.out.printf("%d redirects answered 302 through a 30 s SQS outage; %d clicks went through the replay path%n",
                responses.size(), replayed);
    }

    private Map<String, Integer> counted() throws Exception {
        Map<String, Integer> counted = new TreeMap<>();
        for (String slug : SLUGS) {
            JsonNode totals = api("GET", "/v1/links/" + slug + "/stats", null, 200).path("totals");
            counted.put(slug, totals.path("human").asInt() + totals.path("bot").asInt());
        }
        return counted;
    }

    private JsonNode api(String method, String path, String body, int status) throws Exception {
        return RunnerApi.call(http, runner, method, path, body, status);
    }
}
