package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.links.auth.ApiKeySecrets;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.http.Problems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GET /v1/openapi.json is the truth about /v1: every route is driven over HTTP against the local
 * runner, to success and to its problems, and every answer (and every request that succeeded) is
 * checked against the schema the document gives for it. Every operation must be seen succeeding and
 * refusing, and every problem type the API has must be in the document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    /** Problem types no request through the runner can provoke on demand; their rendering is checked instead. */
    private static final Map<ProblemType, String> NOT_PROVOKED = Map.of(
            ProblemType.NOT_FROM_CDN, "the runner adds the origin secret as CloudFront does",
            ProblemType.EDIT_CONFLICT, "needs two writers racing between a read and a conditional write",
            ProblemType.LINK_GONE, "answered by the redirect (an expired or disabled link), not by /v1",
            ProblemType.PASSWORD_REQUIRED, "answered by the redirect (a protected link), not by /v1",
            ProblemType.TOO_MANY_ATTEMPTS, "answered by the redirect (wrong passwords for a protected link), not by /v1",
            ProblemType.RATE_LIMITED, "needs more requests in a second than a key may make (ApiLimitsEndToEndTest provokes it)",
            ProblemType.THROTTLED, "needs DynamoDB or SQS to throttle",
            ProblemType.QUERY_LIMIT, "needs a query over its time or memory limit",
            ProblemType.INTERNAL, "needs a fault");

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalRunner runner;
    private OpenApiContract contract;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        runner = LocalRunner.start(LocalOptions.parse(new String[] {"--port", "0", "--in-memory", "--domain", "go.localhost",
                "--domain", "team.localhost=other-team"}, Map.of()));
        admin = runner.adminKey();
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        contract = new OpenApiContract(OpenApiContract.parse(document.body()));
        assertThat(OpenApiContract.parse(document.body()).path("openapi").asText()).isEqualTo("3.1.0");
    }

    @AfterAll
    void stop() {
        runner.close();
    }

    @Test
    void everyRouteAnswersExactlyAsDocumentedInSuccessAndInItsProblemsAndEveryProblemTypeIsCovered() throws Exception {
        driveEveryRoute();
        for (String operation : contract.operations()) {
            Set<Integer> statuses = contract.seen().getOrDefault(operation, Set.of());
            assertThat(statuses).as("%s was seen succeeding", operation).anyMatch(s -> s < 300);
            assertThat(statuses).as("%s was seen refusing", operation).anyMatch(s -> s >= 400);
        }
        Set<String> provoked = contract.problemTypesSeen();
        JsonNode problemSchema = document().at("/components/schemas/Problem");
        for (ProblemType type : ProblemType.values()) {
            if (NOT_PROVOKED.containsKey(type)) {
                assertThat(provoked).as("%s is listed as not provoked", type).doesNotContain(type.uri());
                HttpApiResponse rendered = Problems.response(new ApiProblem(type, "Rendered for the contract: " + NOT_PROVOKED.get(type)), null);
                contract.assertValid(problemSchema, rendered.body(), type.uri());
            } else {
                assertThat(provoked).as("%s was provoked over HTTP", type).contains(type.uri());
            }
        }
        System.out.printf("OpenAPI contract: %d operations, %d exchanges of %d statuses checked; %d of %d problem types provoked over HTTP%n",
                contract.operations().size(), contract.exchanges(), contract.seen().values().stream().mapToInt(Set::size).sum(),
                provoked.size(), ProblemType.values().length);
    }

    @Test
    void theDocumentListsEveryProblemTypeTheApiHas() throws Exception {
        Set<String> all = Arrays.stream(ProblemType.values()).map(ProblemType::uri).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new OpenApiContract(document()).documentedProblemTypes()).isEqualTo(all);
    }

    private void driveEveryRoute() throws Exception {
        call("GET", "/v1/openapi.json", "/v1/openapi.json", null, null, null, 200);
        call("POST", "/v1/openapi.json", "/v1/openapi.json", null, null, null, 405);
        call("GET", "/v1/session", "/v1/session", admin, null, null, 200);
        call("GET", "/v1/session", "/v1/session", null, null, null, 401);
        call("DELETE", "/v1/session", "/v1/session", admin, null, null, 405);

        // Links.
        String link = "{\"url\": \"https://example.com/contract\", \"slug\": \"contract\", \"tags\": [\"api\"], \"maxVisits\": 5,"
                + " \"expiresAt\": \"2030-01-01T00:00:00Z\", \"title\": \"The contract\", \"description\": \"What /v1 promises\","
                + " \"fallbackUrl\": \"https://example.com/contract-ended\", \"utm\": {\"source\": \"contract\", \"campaign\": \"v1\"},"
                + " \"rules\": [{\"when\": {\"device\": [\"mobile\"], \"query\": {\"ref\": \"mail\"}, \"until\": \"2030-01-01T00:00:00Z\"},"
                + " \"url\": \"https://m.example.com\"}, {\"split\": [{\"url\": \"https://a.example.com\", \"weight\": 60},"
                + " {\"url\": \"https://b.example.com\", \"weight\": 40}]}]}";
        call("POST", "/v1/links", "/v1/links", admin, "application/json", link, 201);
        call("POST", "/v1/links", "/v1/links", admin, "application/json", link, 409);
        call("POST", "/v1/links", "/v1/links", admin, "application/json", "{\"url\": ", 400);
        call("POST", "/v1/links", "/v1/links", admin, "application/json", "{\"url\": \"ftp://example.com\"}", 400);
        call("POST", "/v1/links", "/v1/links", admin, "text/plain", "https://example.com", 415);
        call("POST", "/v1/links", "/v1/links", admin, "application/json", "{\"url\": \"" + "x".repeat(20_000) + "\"}", 413);
        call("POST", "/v1/links", "/v1/links", admin, "application/json", "{\"url\": \"https://example.com/2\", \"slug\": \"contract-2\"}", 201);
        call("GET", "/v1/links", "/v1/links?limit=1", admin, null, null, 200);
        call("GET", "/v1/links", "/v1/links", null, null, null, 401);
        call("GET", "/v1/links", "/v1/links?cursor=not-a-cursor", admin, null, null, 400);
        call("PUT", "/v1/links", "/v1/links", admin, "application/json", "{}", 405);
        call("GET", "/v1/links/{slug}", "/v1/links/contract", admin, null, null, 200);
        call("GET", "/v1/links/{slug}", "/v1/links/no-such-link", admin, null, null, 404);
        call("PATCH", "/v1/links/{slug}", "/v1/links/contract", admin, "application/merge-patch+json", "{\"tags\": null}", 428);
        call("PATCH", "/v1/links/{slug}", "/v1/links/contract", admin, "application/merge-patch+json", "{\"tags\": null}", 412, "\"99\"");
        call("PATCH", "/v1/links/{slug}", "/v1/links/contract", admin, "application/merge-patch+json", "{\"tags\": null, \"maxVisits\": null, \"title\": null, \"utm\": {\"campaign\": null}}",
                200, "\"1\"");
        String preview = "{\"rules\": [{\"when\": {\"os\": [\"ios\"]}, \"url\": \"https://apps.apple.com/app/id1\"},"
                + " {\"split\": [{\"url\": \"https://a.example.com\", \"weight\": 50}, {\"url\": \"https://b.example.com\", \"weight\": 50}]}],"
                + " \"visitor\": {\"userAgent\": \"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148\", \"country\": \"DE\"}}";
        call("POST", "/v1/rules/preview", "/v1/rules/preview", admin, "application/json", preview, 200);
        call("POST", "/v1/rules/preview", "/v1/rules/preview", admin, "application/json",
                preview.replace("\"ios\"", "\"windows\"").replace("\"DE\"", "\"FR\""), 200);
        call("POST", "/v1/rules/preview", "/v1/rules/preview", admin, "application/json", "{\"rules\": [], \"visitor\": 1}", 400);
        call("POST", "/v1/rules/preview", "/v1/rules/preview", null, "application/json", preview, 401);
        call("GET", "/v1/rules/preview", "/v1/rules/preview", admin, null, null, 405);
        call("DELETE", "/v1/links/{slug}", "/v1/links/contract-2", admin, null, null, 412, "\"99\"");
        call("DELETE", "/v1/links/{slug}", "/v1/links/contract-2", admin, null, null, 204);
        call("DELETE", "/v1/links/{slug}", "/v1/links/contract-2", admin, null, null, 404);

        // Keys.
        call("GET", "/v1/keys", "/v1/keys?limit=1", admin, null, null, 200);
        call("GET", "/v1/keys", "/v1/keys?cursor=not-a-cursor", admin, null, null, 400);
        String readKey = OpenApiContract.parse(call("POST", "/v1/keys", "/v1/keys", admin, "application/json",
                "{\"name\": \"contract reader\", \"role\": \"read\"}", 201)).path("key").asText();
        call("POST", "/v1/keys", "/v1/keys", admin, "application/json", "{\"role\": \"reader\"}", 400);
        call("GET", "/v1/keys", "/v1/keys", readKey, null, null, 403);
        call("DELETE", "/v1/keys/{keyId}", "/v1/keys/" + ApiKeySecrets.keyIdOf(admin).orElseThrow(), admin, null, null, 409);
        // Short domains (before the read key goes: it may list them, not change them).
        call("GET", "/v1/domains", "/v1/domains", readKey, null, null, 200);
        call("GET", "/v1/domains", "/v1/domains", null, null, null, 401);
        call("GET", "/v1/domains/{host}", "/v1/domains/go.localhost", admin, null, null, 200);
        call("GET", "/v1/domains/{host}", "/v1/domains/team.localhost", admin, null, null, 404);
        call("PATCH", "/v1/domains/{host}", "/v1/domains/go.localhost", admin, "application/merge-patch+json",
                "{\"notFoundUrl\": \"https://example.com/missing\", \"default\": true}", 200);
        call("PATCH", "/v1/domains/{host}", "/v1/domains/go.localhost", admin, "application/merge-patch+json", "{\"default\": false}", 400);
        call("PATCH", "/v1/domains/{host}", "/v1/domains/go.localhost", readKey, "application/merge-patch+json", "{\"default\": true}", 403);
        call("PATCH", "/v1/domains/{host}", "/v1/domains/localhost", admin, "application/merge-patch+json", "{\"default\": true}", 200);
        call("DELETE", "/v1/domains/{host}", "/v1/domains/go.localhost", admin, null, null, 405);
        call("GET", "/v1/links/{slug}", "/v1/links/contract?domain=go.localhost", admin, null, null, 404);
        call("GET", "/v1/domains/{host}/visits", "/v1/domains/go.localhost/visits?limit=5", readKey, null, null, 200);
        call("GET", "/v1/domains/{host}/visits", "/v1/domains/team.localhost/visits", admin, null, null, 404);
        call("GET", "/v1/domains/{host}/visits", "/v1/domains/go.localhost/visits?kind=favicon", admin, null, null, 400);
        call("GET", "/v1/domains/{host}/visits", "/v1/domains/go.localhost/visits", null, null, null, 401);
        call("DELETE", "/v1/keys/{keyId}", "/v1/keys/" + ApiKeySecrets.keyIdOf(readKey).orElseThrow(), admin, null, null, 204);
        call("DELETE", "/v1/keys/{keyId}", "/v1/keys/nosuchkey0000", admin, null, null, 404);
        JsonNode audit = OpenApiContract.parse(call("GET", "/v1/audit", "/v1/audit?limit=5", admin, null, null, 200));
        assertThat(audit.path("items").get(0).path("action").asText()).isEqualTo("key.revoked");
        assertThat(audit.path("items").get(1).path("action").asText()).isEqualTo("domain.updated");
        call("GET", "/v1/audit", "/v1/audit?limit=0", admin, null, null, 400);

        // Imports, exports and jobs.
        String uploadJob = OpenApiContract.parse(call("POST", "/v1/imports", "/v1/imports", admin, "application/json",
                "{\"format\": \"shortstack-csv\", \"onInvalidSlug\": \"random\"}", 202)).path("id").asText();
        call("POST", "/v1/imports", "/v1/imports", admin, "application/json", "{\"format\": \"excel\"}", 400);
        call("POST", "/v1/imports", "/v1/imports?format=shortstack-csv", admin, "text/csv", "url,slug\nhttps://example.com/i,imported\n", 202);
        call("POST", "/v1/imports/{jobId}/start", "/v1/imports/" + uploadJob + "/start", admin, null, null, 409);
        JsonNode uploaded = OpenApiContract.parse(call("POST", "/v1/imports", "/v1/imports", admin, "application/json",
                "{\"format\": \"shortstack-csv\"}", 202));
        upload(uploaded.path("upload"), "url,slug\nhttps://example.com/u,uploaded\n");
        call("POST", "/v1/imports/{jobId}/start", "/v1/imports/" + uploaded.path("id").asText() + "/start", admin, null, null, 202);
        call("POST", "/v1/imports/{jobId}/start", "/v1/imports/nosuchjob/start", admin, null, null, 404);
        call("POST", "/v1/exports", "/v1/exports", admin, "application/json", "{\"type\": \"links\", \"format\": \"jsonl\"}", 202);
        call("POST", "/v1/exports", "/v1/exports", admin, "application/json", "{\"type\": \"everything\"}", 400);
        call("GET", "/v1/jobs", "/v1/jobs?limit=2", admin, null, null, 200);
        call("GET", "/v1/jobs", "/v1/jobs?cursor=not-a-cursor", admin, null, null, 400);
        call("GET", "/v1/jobs/{jobId}", "/v1/jobs/" + uploadJob, admin, null, null, 200);
        call("GET", "/v1/jobs/{jobId}", "/v1/jobs/nosuchjob", admin, null, null, 404);
        call("POST", "/v1/jobs/{jobId}/cancel", "/v1/jobs/" + uploadJob + "/cancel", admin, null, null, 200);
        call("POST", "/v1/jobs/{jobId}/cancel", "/v1/jobs/" + uploadJob + "/cancel", admin, null, null, 409);
        call("POST", "/v1/jobs/{jobId}/cancel", "/v1/jobs/nosuchjob/cancel", admin, null, null, 404);

        // Statistics.
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        call("GET", "/v1/links/{slug}/stats", "/v1/links/contract/stats?dimensions=country,bot&granularity=hour", admin, null, null, 200);
        call("GET", "/v1/links/{slug}/stats", "/v1/links/contract/stats?granularity=minute", admin, null, null, 400);
        call("GET", "/v1/links/{slug}/stats", "/v1/links/no-such-link/stats", admin, null, null, 404);
        call("GET", "/v1/stats", "/v1/stats?top=3", admin, null, null, 200);
        call("GET", "/v1/stats", "/v1/stats?top=0", admin, null, null, 400);
        call("GET", "/v1/links/{slug}/stats/live", "/v1/links/contract/stats/live", admin, null, null, 200);
        call("GET", "/v1/links/{slug}/stats/live", "/v1/links/contract/stats/live?granularity=hour", admin, null, null, 400);
        call("GET", "/v1/links/{slug}/stats/live", "/v1/links/no-such-link/stats/live", admin, null, null, 404);
        call("GET", "/v1/links/{slug}/stats/live", "/v1/links/contract/stats/live", null, null, null, 401);
        call("GET", "/v1/stats/live", "/v1/stats/live", admin, null, null, 200);
        call("GET", "/v1/stats/live", "/v1/stats/live?from=2026-12-01", admin, null, null, 400);
        call("POST", "/v1/stats/live", "/v1/stats/live", admin, "application/json", "{}", 405);
        call("GET", "/v1/stats/links", "/v1/stats/links?slugs=contract", admin, null, null, 200);
        call("GET", "/v1/stats/links", "/v1/stats/links?slugs=", admin, null, null, 400);
        call("GET", "/v1/stats/links", "/v1/stats/links?slugs=no-such-link", admin, null, null, 404);
        String compaction = OpenApiContract.parse(call("POST", "/v1/stats/compactions", "/v1/stats/compactions", admin, "application/json",
                "{\"from\": \"" + day + "\", \"to\": \"" + day + "\"}", 202)).path("id").asText();
        call("POST", "/v1/stats/compactions", "/v1/stats/compactions", admin, "application/json", "{\"from\": \"yesterday\"}", 400);
        call("POST", "/v1/stats/compactions", "/v1/stats/compactions", readKey, "application/json", "{}", 401);
        call("GET", "/v1/stats/compactions/{jobId}", "/v1/stats/compactions/" + compaction, admin, null, null, 200);
        call("GET", "/v1/stats/compactions/{jobId}", "/v1/stats/compactions/nosuchjob", admin, null, null, 404);

        driveWebhooks();

        // No route at all: still a documented problem.
        HttpResponse<String> nowhere = send("GET", "/v1/no-such-route", admin, null, null, null);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        contract.checkProblem(nowhere.body(), "GET /v1/no-such-route");

    }

    /** Webhook endpoints, a delivery made by a link created after its endpoint, a redelivery, the limit and a disabled endpoint. */
    private void driveWebhooks() throws Exception {
        String hook = "{\"url\": \"https://hooks.example.com/contract\", \"events\": [\"link.created\", \"link.deleted\"],"
                + " \"description\": \"contract\"}";
        String id = OpenApiContract.parse(call("POST", "/v1/webhooks", "/v1/webhooks", admin, "application/json", hook, 201))
                .path("id").asText();
        call("POST", "/v1/webhooks", "/v1/webhooks", admin, "application/json", "{\"url\": \"http://hooks.example.com\", \"events\": []}", 400);
        call("GET", "/v1/webhooks", "/v1/webhooks", admin, null, null, 200);
        call("GET", "/v1/webhooks", "/v1/webhooks", null, null, null, 401);
        call("GET", "/v1/webhooks/{webhookId}", "/v1/webhooks/" + id, admin, null, null, 200);
        call("GET", "/v1/webhooks/{webhookId}", "/v1/webhooks/wh_nosuchendpoint", admin, null, null, 404);
        call("PATCH", "/v1/webhooks/{webhookId}", "/v1/webhooks/" + id, admin, "application/merge-patch+json",
                "{\"description\": null, \"events\": [\"link.created\"]}", 200);
        call("PATCH", "/v1/webhooks/{webhookId}", "/v1/webhooks/" + id, admin, "application/merge-patch+json", "{\"events\": null}", 400);
        call("POST", "/v1/webhooks/{webhookId}/secret", "/v1/webhooks/" + id + "/secret", admin, null, null, 200);
        call("POST", "/v1/webhooks/{webhookId}/secret", "/v1/webhooks/" + id + "/secret", admin, "application/json",
                "{\"keepPreviousForSeconds\": 0}", 200);
        call("POST", "/v1/webhooks/{webhookId}/secret", "/v1/webhooks/wh_nosuchendpoint/secret", admin, null, null, 404);

        call("POST", "/v1/links", "/v1/links", admin, "application/json", "{\"url\": \"https://example.com/hooked\", \"slug\": \"hooked\"}", 201);
        String deliveries = "/v1/webhooks/" + id + "/deliveries";
        JsonNode log = OpenApiContract.parse(call("GET", "/v1/webhooks/{webhookId}/deliveries", deliveries, admin, null, null, 200));
        // The fan-out runs behind a queue: the delivery appears within moments of the link.
        for (long deadline = System.nanoTime() + 30_000_000_000L; log.path("items").isEmpty() && System.nanoTime() < deadline; ) {
            log = OpenApiContract.parse(call("GET", "/v1/webhooks/{webhookId}/deliveries", deliveries + "?limit=5", admin, null, null, 200));
        }
        assertThat(log.path("items")).as("the link's delivery").hasSize(1);
        String delivery = log.path("items").get(0).path("id").asText();
        call("GET", "/v1/webhooks/{webhookId}/deliveries", deliveries + "?limit=0", admin, null, null, 400);
        String redeliver = "/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver";
        call("POST", redeliver, deliveries + "/" + delivery + "/redeliver", admin, null, null, 202);
        call("POST", redeliver, deliveries + "/evt_nosuchdelivery/redeliver", admin, null, null, 404);

        for (int i = 2; i <= 10; i++) {
            call("POST", "/v1/webhooks", "/v1/webhooks", admin, "application/json", hook.replace("contract\"}", "contract " + i + "\"}"), 201);
        }
        call("POST", "/v1/webhooks", "/v1/webhooks", admin, "application/json", hook, 409);
        call("PATCH", "/v1/webhooks/{webhookId}", "/v1/webhooks/" + id, admin, "application/json", "{\"enabled\": false}", 200);
        call("POST", redeliver, deliveries + "/" + delivery + "/redeliver", admin, null, null, 409);
        call("DELETE", "/v1/webhooks/{webhookId}", "/v1/webhooks/" + id, admin, null, null, 204);
        call("DELETE", "/v1/webhooks/{webhookId}", "/v1/webhooks/" + id, admin, null, null, 404);
    }

    /** Puts a file where an import's upload URL says, as a client would (to S3, not through the API). */
    private void upload(JsonNode upload, String file) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofString(file));
        upload.path("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertThat(http.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private JsonNode document() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        return OpenApiContract.parse(document.body());
    }

    private String call(String method, String template, String path, String key, String mediaType, String body, int expected)
            throws Exception {
        return call(method, template, path, key, mediaType, body, expected, null);
    }

    /** Sends a request, expects the status, and checks the exchange against the document. */
    private String call(String method, String template, String path, String key, String mediaType, String body, int expected,
                        String ifMatch) throws Exception {
        HttpResponse<String> response = send(method, path, key, mediaType, body, ifMatch);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        String answered = response.headers().firstValue("content-type").orElse("").split(";")[0].trim();
        contract.check(method, template, mediaType, body, response.statusCode(), answered, response.body(),
                response.headers().firstValue("allow").orElse(""));
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String key, String mediaType, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
