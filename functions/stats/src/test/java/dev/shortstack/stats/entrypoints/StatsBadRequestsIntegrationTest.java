package dev.shortstack.stats.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.event;
import static dev.shortstack.shared.testing.Fixtures.withBody;
import static dev.shortstack.shared.testing.Fixtures.withHeader;
import static dev.shortstack.shared.testing.Fixtures.withQuery;
import static dev.shortstack.shared.testing.Fixtures.withRequest;
import static dev.shortstack.shared.testing.Fixtures.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.testing.Fixtures;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every stats route's bad input: each request gets its specific 4xx problem+json, no table
 * changes by a single item and no compaction is queued.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsBadRequestsIntegrationTest {
    private StatsApiTestbed testbed;
    private EmulatedAws aws;
    private String writeKey;

    @BeforeAll
    void setUp(EmulatedAws aws) {
        this.aws = aws;
        this.testbed = new StatsApiTestbed(aws);
        this.writeKey = testbed.key(Fixtures.WORKSPACE, Role.WRITE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersItsSpecificProblemAndWritesNothing(String name, UnaryOperator<ObjectNode> request, int status, String type, String field) {
        Set<Map<String, AttributeValue>> before = testbed.snapshot(aws);

        JsonNode response = testbed.invoke(request.apply(null));

        assertThat(response.path("statusCode").asInt()).as(name).isEqualTo(status);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = Fixtures.body(response);
        assertThat(problem.path("type").asText()).isEqualTo("urn:shortstack:problem:" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).contains(field);
        }
        assertThat(testbed.snapshot(aws)).as("tables after " + name).isEqualTo(before);
        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(testbed.compactionQueueUrl())).messages())
                .as("compactions queued by " + name).isEmpty();
    }

    Stream<Arguments> badRequests() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Arguments> rows = new ArrayList<>();
        rows.add(linkStats("from after to", "from=2026-11-20&to=2026-11-10", "query.from"));
        rows.add(linkStats("range over the daily maximum", "from=2020-01-01&to=2026-11-01", "query.to"));
        rows.add(linkStats("range over the hourly maximum", "from=2026-09-01&to=2026-11-01&granularity=hour", "query.to"));
        rows.add(linkStats("unknown granularity", "granularity=week", "query.granularity"));
        rows.add(linkStats("unknown dimension", "dimensions=country,shoe_size", "query.dimensions"));
        rows.add(linkStats("unknown time zone", "tz=Mars/Olympus", "query.tz"));
        rows.add(linkStats("malformed date", "from=27.11.2026", "query.from"));
        rows.add(linkStats("top out of range", "top=0", "query.top"));
        rows.add(linkStats("top not a number", "top=ten", "query.top"));
        rows.add(linkStats("unknown parameter", "interval=day", "query.interval"));
        rows.add(row("stats of another workspace's link", "stats/link-stats.json",
                e -> withRequest(e, "GET", "/v1/links/foreign-slug/stats"), 404, "not-found", null));
        rows.add(row("stats of an unknown link", "stats/link-stats.json",
                e -> withRequest(e, "GET", "/v1/links/no-such-link/stats"), 404, "not-found", null));
        rows.add(row("stats without a key", "stats/link-stats.json", e -> withoutHeader(e, "authorization"), 401, "unauthorized", null));
        rows.add(row("stats with a forged key", "stats/link-stats.json",
                e -> withHeader(e, "authorization", "Bearer ssk_fixtureadmin_" + "x".repeat(32)), 401, "unauthorized", null));
        rows.add(row("POST on a link's stats", "stats/link-stats.json", e -> withRequest(e, "POST", "/v1/links/launch-2026/stats"),
                405, "method-not-allowed", null));
        rows.add(row("workspace stats over the daily maximum", "stats/workspace-stats.json",
                e -> withQuery(e, Map.of("from", "2020-01-01", "to", "2026-11-01")), 400, "validation-failed", "query.to"));
        rows.add(row("DELETE on the workspace stats", "stats/workspace-stats.json", e -> withRequest(e, "DELETE", "/v1/stats"),
                405, "method-not-allowed", null));
        rows.add(row("link totals without slugs", "stats/link-totals.json", e -> withQuery(e, Map.of()), 400, "validation-failed", "query.slugs"));
        rows.add(row("link totals of 101 slugs", "stats/link-totals.json",
                e -> withQuery(e, Map.of("slugs", IntStream.range(0, 101).mapToObj(i -> "s" + i).collect(Collectors.joining(",")))),
                400, "validation-failed", "query.slugs"));
        rows.add(row("link totals of a malformed slug", "stats/link-totals.json", e -> withQuery(e, Map.of("slugs", "ok,<b>")),
                400, "validation-failed", "query.slugs"));
        rows.add(row("link totals of an unknown slug", "stats/link-totals.json", e -> withQuery(e, Map.of("slugs", "launch-2026,nope")),
                404, "not-found", null));
        rows.add(row("link totals ending before they start", "stats/link-totals.json",
                e -> withQuery(e, Map.of("slugs", "launch-2026", "from", "2026-11-20", "to", "2026-11-01")), 400, "validation-failed", "query.from"));
        rows.add(row("compaction by a write key", "stats/start-compaction.json", e -> withHeader(e, "authorization", "Bearer " + writeKey),
                403, "forbidden", null));
        rows.add(row("compaction without dates", "stats/start-compaction.json", e -> withBody(e, "{}"), 400, "validation-failed", "from"));
        rows.add(row("compaction of today", "stats/start-compaction.json",
                e -> withBody(e, "{\"from\":\"2026-11-01\",\"to\":\"" + today + "\"}"), 400, "validation-failed", "to"));
        rows.add(row("compaction of the future", "stats/start-compaction.json",
                e -> withBody(e, "{\"from\":\"2026-11-01\",\"to\":\"2999-01-01\"}"), 400, "validation-failed", "to"));
        rows.add(row("compaction over 93 days", "stats/start-compaction.json",
                e -> withBody(e, "{\"from\":\"2026-01-01\",\"to\":\"2026-11-01\"}"), 400, "validation-failed", "to"));
        rows.add(row("compaction with an unknown field", "stats/start-compaction.json",
                e -> withBody(e, "{\"from\":\"2026-11-01\",\"to\":\"2026-11-02\",\"force\":true}"), 400, "validation-failed", "force"));
        rows.add(row("compaction as text", "stats/start-compaction.json", e -> withHeader(e, "content-type", "text/plain"),
                415, "unsupported-media-type", null));
        rows.add(row("compaction with malformed JSON", "stats/start-compaction.json", e -> withBody(e, "{\"from\":"), 400, "malformed-body", null));
        rows.add(row("an unknown compaction job", "stats/start-compaction.json", e -> withRequest(e, "GET", "/v1/stats/compactions/nope"),
                404, "not-found", null));
        rows.add(row("an unknown stats route", "stats/workspace-stats.json", e -> withRequest(e, "GET", "/v1/stats/nothing"),
                404, "route-not-found", null));
        rows.add(row("live view with a range", "stats/workspace-live-stats.json", e -> withQuery(e, Map.of("from", "2026-11-01")),
                400, "validation-failed", "query.from"));
        rows.add(row("a link's live view with a granularity", "stats/link-live-stats.json",
                e -> withQuery(e, Map.of("granularity", "minute")), 400, "validation-failed", "query.granularity"));
        rows.add(row("live view of another workspace's link", "stats/link-live-stats.json",
                e -> withRequest(e, "GET", "/v1/links/foreign-slug/stats/live"), 404, "not-found", null));
        rows.add(row("live view of a link on a domain not served", "stats/link-live-stats.json",
                e -> withQuery(e, Map.of("domain", "elsewhere.example")), 404, "not-found", null));
        rows.add(row("live view of a link with a malformed domain", "stats/link-live-stats.json",
                e -> withQuery(e, Map.of("domain", "https://go.sho.rt")), 400, "validation-failed", "query.domain"));
        rows.add(row("live view without a key", "stats/workspace-live-stats.json", e -> withoutHeader(e, "authorization"),
                401, "unauthorized", null));
        rows.add(row("POST on the live view", "stats/workspace-live-stats.json", e -> withRequest(e, "POST", "/v1/stats/live"),
                405, "method-not-allowed", null));
        rows.add(orphans("orphan visits: unknown kind", Map.of("kind", "favicon"), "query.kind"));
        rows.add(orphans("orphan visits: limit 0", Map.of("limit", "0"), "query.limit"));
        rows.add(orphans("orphan visits: limit over 500", Map.of("limit", "501"), "query.limit"));
        rows.add(orphans("orphan visits: page 0", Map.of("page", "0"), "query.page"));
        rows.add(orphans("orphan visits: excludeBots not a boolean", Map.of("excludeBots", "yes"), "query.excludeBots"));
        rows.add(orphans("orphan visits: from after to", Map.of("from", "2026-11-20", "to", "2026-11-10"), "query.from"));
        rows.add(orphans("orphan visits: unknown parameter", Map.of("slug", "x"), "query.slug"));
        rows.add(row("orphan visits of a domain nobody owns", "stats/orphan-visits.json",
                e -> withRequest(e, "GET", "/v1/domains/sho.rt/visits"), 404, "not-found", null));
        rows.add(row("orphan visits of another workspace's domain", "stats/orphan-visits.json",
                e -> withRequest(e, "GET", "/v1/domains/team.example/visits"), 404, "not-found", null));
        rows.add(row("orphan visits of a domain the stage does not serve", "stats/orphan-visits.json",
                e -> withRequest(e, "GET", "/v1/domains/elsewhere.example/visits"), 404, "not-found", null));
        rows.add(row("orphan visits without a key", "stats/orphan-visits.json", e -> withoutHeader(e, "authorization"), 401,
                "unauthorized", null));
        return rows.stream();
    }

    private static Arguments linkStats(String name, String rawQuery, String field) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return row("link stats: " + name, "stats/link-stats.json", e -> withQuery(e, params), 400, "validation-failed", field);
    }

    private static Arguments orphans(String name, Map<String, String> query, String field) {
        return row(name, "stats/orphan-visits.json", e -> withQuery(e, query), 400, "validation-failed", field);
    }

    private static Arguments row(String name, String file, UnaryOperator<ObjectNode> change, int status, String type, String field) {
        UnaryOperator<ObjectNode> request = ignored -> change.apply(event(file));
        return Arguments.of(name, request, status, type, field);
    }
}
