package dev.shortstack.links.entrypoints;


import static dev.shortstack.shared.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.links.auth.ApiKeySecrets;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.jobs.ExportFormat;
import dev.shortstack.links.jobs.ExportRequest;
import dev.shortstack.links.jobs.ExportType;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.ImportRequest;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.links.testing.DynamoHarness;
import dev.shortstack.links.webhooks.WebhookRequests;
import dev.shortstack.links.webhooks.WebhookService;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.links.testing.LinksApiHarness;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.testing.Fixtures;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every route's bad input, against DynamoDB: each request gets its specific 4xx problem+json,
 * and no table changes by a single item (nor does any job get queued).
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsIntegrationTest {
    private DynamoHarness dynamo;
    private String readKey;
    private String writeKey;
    private String revokedKey;
    private String otherWorkspaceKey;
    private String adminKeyId;
    private String foreignJobId;
    private String endedJobId;
    private String awaitingUploadJobId;
    private static String webhookId;
    private static String fullWorkspaceKey;

    @BeforeAll
    void setUp(EmulatedAws aws) {
        dynamo = new DynamoHarness(aws, 8);
        LinksApiHarness api = dynamo.api();
        readKey = api.key(Fixtures.WORKSPACE, Role.READ);
        writeKey = api.key(Fixtures.WORKSPACE, Role.WRITE);
        revokedKey = api.key(Fixtures.WORKSPACE, Role.WRITE);
        otherWorkspaceKey = api.key("other-team", Role.ADMIN);
        adminKeyId = ApiKeySecrets.keyIdOf(Fixtures.ADMIN_KEY).orElseThrow();
        Caller admin = new Caller(adminKeyId, Fixtures.WORKSPACE, Role.ADMIN);
        api.deps().keys().revoke(admin, ApiKeySecrets.keyIdOf(revokedKey).orElseThrow());
        api.deps().links().create(admin, new NewLink("https://example.com", "taken-slug", null, null, 302, List.of()));
        api.deps().links().create(new Caller("x", "other-team", Role.ADMIN),
                new NewLink("https://example.com", "foreign-slug", null, null, 302, List.of()));
        api.deps().links().create(admin, new NewLink("https://example.com", "on-go", null, null, 302, List.of()).onDomain("go.sho.rt"));
        ExportRequest export = new ExportRequest(ExportType.LINKS, ExportFormat.CSV, null, null);
        foreignJobId = api.deps().jobs().createExport(new Caller("x", "other-team", Role.ADMIN), export).jobId();
        endedJobId = api.deps().jobs().createExport(admin, export).jobId();
        api.deps().jobs().cancel(admin, endedJobId);
        awaitingUploadJobId = api.deps().jobs().createImport(admin,
                new ImportRequest(ImportFormat.SHORTSTACK_CSV, List.of(), OptionalLong.empty())).job().jobId();
        aws.sqs().purgeQueue(r -> r.queueUrl(dynamo.stage().queueUrl(ShortstackResources.JOBS_WORK)));
        webhookId = api.deps().webhooks().create(admin, new WebhookRequests.NewEndpoint("https://hooks.example.com/a",
                Set.of(WebhookEventType.LINK_CREATED), null)).endpoint().endpointId();
        fullWorkspaceKey = api.key("full-team", Role.ADMIN);
        Caller full = new Caller("x", "full-team", Role.ADMIN);
        for (int i = 0; i < WebhookService.MAX_ENDPOINTS; i++) {
            api.deps().webhooks().create(full, new WebhookRequests.NewEndpoint("https://hooks.example.com/" + i,
                    Set.of(WebhookEventType.LINK_CLICKED), null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersItsSpecificProblemAndWritesNothing(String name, UnaryOperator<ObjectNode> request, int status, String type, String field) {
        Set<Map<String, AttributeValue>> before = dynamo.snapshot();
        int webhookMessagesBefore = dynamo.api().webhookQueues().deliveries.size() + dynamo.api().webhookQueues().events.size();

        JsonNode response = dynamo.api().invoke(request.apply(null));

        assertThat(response.path("statusCode").asInt()).as(name).isEqualTo(status);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = Fixtures.body(response);
        assertThat(problem.path("type").asText()).isEqualTo("urn:shortstack:problem:" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).contains(field);
        }
        assertThat(dynamo.snapshot()).as("tables after " + name).isEqualTo(before);
        assertThat(dynamo.aws().sqs().receiveMessage(r -> r.queueUrl(dynamo.stage().queueUrl(ShortstackResources.JOBS_WORK)))
                .messages()).as("jobs queued by " + name).isEmpty();
        assertThat(dynamo.api().webhookQueues().deliveries.size() + dynamo.api().webhookQueues().events.size())
                .as("webhook messages sent by " + name).isEqualTo(webhookMessagesBefore);
    }

    /** A create whose rules are {@code rulesJson}: refused with a problem naming {@code field}. */
    private static Arguments rules(String name, String rulesJson, String field) {
        return create("rules: " + name, "{\"url\":\"https://a.example\",\"rules\":" + rulesJson + "}", 400, "validation-failed", field);
    }

    Stream<Arguments> badRequests() {
        List<Arguments> rows = new ArrayList<>();
        // Body syntax and framing
        rows.add(create("malformed JSON", "{\"url\":", 400, "malformed-body", null));
        rows.add(create("JSON array instead of object", "[]", 400, "malformed-body", null));
        rows.add(create("JSON null", "null", 400, "malformed-body", null));
        rows.add(create("empty body", "", 400, "malformed-body", null));
        rows.add(create("trailing garbage", "{\"url\":\"https://a.example\"} x", 400, "malformed-body", null));
        rows.add(create("duplicate keys", "{\"url\":\"https://a.example\",\"url\":\"https://b.example\"}", 400, "malformed-body", null));
        rows.add(create("deeply nested", "{\"url\":" + "[".repeat(100) + "]".repeat(100) + "}", 400, "malformed-body", null));
        rows.add(row("body is not valid base64", e -> base64(e, "%%%notbase64"), 400, "malformed-body", null));
        rows.add(row("body is not UTF-8", e -> base64(e, Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe})),
                400, "malformed-body", null));
        rows.add(create("oversized body", "{\"url\":\"https://a.example/" + "a".repeat(20_000) + "\"}", 413, "payload-too-large", null));
        rows.add(create("body longer than any JSON string the parser once allowed", "{\"url\":\"https://a.example/" + "a".repeat(200_000) + "\"}",
                413, "payload-too-large", null));
        rows.add(row("text/plain content type", e -> header(e, "content-type", "text/plain"), 415, "unsupported-media-type", null));
        rows.add(row("no content type", e -> removeHeader(e, "content-type"), 415, "unsupported-media-type", null));
        // Fields and types
        rows.add(create("missing url", "{\"slug\":\"no-url\"}", 400, "validation-failed", "url"));
        rows.add(create("url is a number", "{\"url\":42}", 400, "validation-failed", "url"));
        rows.add(create("unknown field", "{\"url\":\"https://a.example\",\"colour\":\"red\"}", 400, "validation-failed", "colour"));
        rows.add(create("slug is null", "{\"url\":\"https://a.example\",\"slug\":null}", 400, "validation-failed", "slug"));
        // URL rules
        for (String[] url : new String[][] {
                {"javascript: URL", "javascript:alert(1)"},
                {"data: URL", "data:text/html,<script>alert(1)</script>"},
                {"file: URL", "file:///etc/passwd"},
                {"ftp: URL", "ftp://files.example/x"},
                {"relative URL", "/just/a/path"},
                {"embedded credentials", "https://user:secret@example.com/"},
                {"no host", "https:///path-only"},
                {"space in host", "https://exa mple.com/"},
                {"too long", "https://example.com/" + "x".repeat(2030)},
                {"own short domain", "https://sho.rt/abc"},
                {"blocked domain", "https://malware.example/download"},
                {"subdomain of blocked domain", "https://login.phish.test/"}}) {
            rows.add(create("url: " + url[0], "{\"url\":\"" + url[1].replace("\"", "\\\"") + "\"}", 400, "validation-failed", "url"));
        }
        // Slug rules
        rows.add(create("slug too short", slugBody("ab"), 400, "validation-failed", "slug"));
        rows.add(create("slug too long", slugBody("a".repeat(65)), 400, "validation-failed", "slug"));
        rows.add(create("slug with space", slugBody("has space"), 400, "validation-failed", "slug"));
        rows.add(create("slug with non-ASCII", slugBody("héllo"), 400, "validation-failed", "slug"));
        rows.add(create("slug reserved", slugBody("api"), 400, "validation-failed", "slug"));
        rows.add(create("slug reserved in another case", slugBody("Health"), 400, "validation-failed", "slug"));
        rows.add(create("slug the password form's path", slugBody("unlock"), 400, "validation-failed", "slug"));
        rows.add(create("slug taken", slugBody("taken-slug"), 409, "slug-taken", null));
        rows.add(create("slug taken by another workspace", slugBody("foreign-slug"), 409, "slug-taken", null));
        // Other fields
        rows.add(create("expiresAt in the past", "{\"url\":\"https://a.example\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}", 400, "validation-failed", "expiresAt"));
        rows.add(create("expiresAt not a date", "{\"url\":\"https://a.example\",\"expiresAt\":\"tomorrow\"}", 400, "validation-failed", "expiresAt"));
        rows.add(create("maxVisits zero", "{\"url\":\"https://a.example\",\"maxVisits\":0}", 400, "validation-failed", "maxVisits"));
        rows.add(create("maxVisits a string", "{\"url\":\"https://a.example\",\"maxVisits\":\"ten\"}", 400, "validation-failed", "maxVisits"));
        rows.add(create("maxVisits fractional", "{\"url\":\"https://a.example\",\"maxVisits\":1.5}", 400, "validation-failed", "maxVisits"));
        rows.add(create("title over 200 characters", "{\"url\":\"https://a.example\",\"title\":\"" + "t".repeat(201) + "\"}", 400,
                "validation-failed", "title"));
        rows.add(create("title a number", "{\"url\":\"https://a.example\",\"title\":42}", 400, "validation-failed", "title"));
        rows.add(create("title with a control character", "{\"url\":\"https://a.example\",\"title\":\"bell\\u0007\"}", 400,
                "validation-failed", "title"));
        rows.add(create("description over 1000 characters", "{\"url\":\"https://a.example\",\"description\":\"" + "d".repeat(1001)
                + "\"}", 400, "validation-failed", "description"));
        rows.add(create("description an object", "{\"url\":\"https://a.example\",\"description\":{}}", 400, "validation-failed",
                "description"));
        rows.add(create("fallbackUrl a javascript: URL", "{\"url\":\"https://a.example\",\"fallbackUrl\":\"javascript:alert(1)\"}", 400,
                "validation-failed", "fallbackUrl"));
        rows.add(create("fallbackUrl a number", "{\"url\":\"https://a.example\",\"fallbackUrl\":7}", 400, "validation-failed",
                "fallbackUrl"));
        rows.add(create("utm not an object", "{\"url\":\"https://a.example\",\"utm\":\"newsletter\"}", 400, "validation-failed", "utm"));
        rows.add(create("utm with an unknown parameter", "{\"url\":\"https://a.example\",\"utm\":{\"id\":\"x\"}}", 400,
                "validation-failed", "utm.id"));
        rows.add(create("utm value a number", "{\"url\":\"https://a.example\",\"utm\":{\"source\":1}}", 400, "validation-failed",
                "utm.source"));
        rows.add(create("utm value over 200 characters", "{\"url\":\"https://a.example\",\"utm\":{\"campaign\":\"" + "c".repeat(201)
                + "\"}}", 400, "validation-failed", "utm.campaign"));
        // Targeting rules: every mistake named by its path, nothing stored
        rows.add(rules("rules not an array", "{\"url\":\"https://m.example\"}", "rules"));
        rows.add(rules("more than ten rules", "[" + String.join(",", Collections.nCopies(11,
                "{\"when\":{\"country\":[\"DE\"]},\"url\":\"https://de.example\"}")) + "]", "rules"));
        rows.add(rules("a rule that is a string", "[\"https://m.example\"]", "rules[0]"));
        rows.add(rules("a rule with an unknown field", "[{\"url\":\"https://m.example\",\"if\":{}}]", "rules[0].if"));
        rows.add(rules("a rule with url and split", "[{\"url\":\"https://m.example\",\"split\":[]}]", "rules[0]"));
        rows.add(rules("a rule with neither url nor split", "[{\"when\":{\"device\":[\"mobile\"]}}]", "rules[0]"));
        rows.add(rules("a rule URL with a javascript: scheme", "[{\"when\":{\"device\":[\"mobile\"]},\"url\":\"javascript:alert(1)\"}]",
                "rules[0].url"));
        rows.add(rules("a rule URL on a blocked domain", "[{\"when\":{\"device\":[\"mobile\"]},\"url\":\"https://malware.example/\"}]",
                "rules[0].url"));
        rows.add(rules("a rule URL that is a number", "[{\"when\":{\"device\":[\"mobile\"]},\"url\":7}]", "rules[0].url"));
        rows.add(rules("a rule without conditions before another", "[{\"url\":\"https://a.example\"},"
                + "{\"when\":{\"os\":[\"ios\"]},\"url\":\"https://b.example\"}]", "rules[0].when"));
        rows.add(rules("when not an object", "[{\"when\":\"mobile\",\"url\":\"https://m.example\"}]", "rules[0].when"));
        rows.add(rules("an unknown condition", "[{\"when\":{\"city\":[\"Berlin\"]},\"url\":\"https://m.example\"}]",
                "rules[0].when.city"));
        rows.add(rules("an unknown device type", "[{\"when\":{\"device\":[\"watch\"]},\"url\":\"https://m.example\"}]",
                "rules[0].when.device[0]"));
        rows.add(rules("an unknown OS", "[{\"when\":{\"os\":[\"beos\"]},\"url\":\"https://m.example\"}]", "rules[0].when.os[0]"));
        rows.add(rules("an unknown browser", "[{\"when\":{\"browser\":[\"netscape\"]},\"url\":\"https://m.example\"}]",
                "rules[0].when.browser[0]"));
        rows.add(rules("a country that is no ISO code", "[{\"when\":{\"country\":[\"Germany\"]},\"url\":\"https://m.example\"}]",
                "rules[0].when.country[0]"));
        rows.add(rules("a language that is no tag", "[{\"when\":{\"language\":[\"german!\"]},\"url\":\"https://m.example\"}]",
                "rules[0].when.language[0]"));
        rows.add(rules("an empty condition list", "[{\"when\":{\"country\":[]},\"url\":\"https://m.example\"}]",
                "rules[0].when.country"));
        rows.add(rules("a condition list of 21 values", "[{\"when\":{\"country\":[" + String.join(",", Collections.nCopies(21,
                "\"DE\"")) + "]},\"url\":\"https://m.example\"}]", "rules[0].when.country"));
        rows.add(rules("a query condition that is a list", "[{\"when\":{\"query\":[\"ref\"]},\"url\":\"https://m.example\"}]",
                "rules[0].when.query"));
        rows.add(rules("a query value that is a number", "[{\"when\":{\"query\":{\"ref\":1}},\"url\":\"https://m.example\"}]",
                "rules[0].when.query.ref"));
        rows.add(rules("a query parameter name with spaces", "[{\"when\":{\"query\":{\"my ref\":\"x\"}},\"url\":\"https://m.example\"}]",
                "rules[0].when.query.my ref"));
        rows.add(rules("nine conditions in one rule", "[{\"when\":{\"query\":{\"a\":\"1\",\"b\":\"1\",\"c\":\"1\",\"d\":\"1\","
                + "\"e\":\"1\",\"f\":\"1\",\"g\":\"1\",\"h\":\"1\",\"i\":\"1\"}},\"url\":\"https://m.example\"}]", "rules[0].when"));
        rows.add(rules("from that is no date", "[{\"when\":{\"from\":\"Christmas\"},\"url\":\"https://m.example\"}]",
                "rules[0].when.from"));
        rows.add(rules("until before from", "[{\"when\":{\"from\":\"2040-01-02T00:00:00Z\",\"until\":\"2040-01-01T00:00:00Z\"},"
                + "\"url\":\"https://m.example\"}]", "rules[0].when.until"));
        rows.add(rules("until in the past", "[{\"when\":{\"until\":\"2020-01-01T00:00:00Z\"},\"url\":\"https://m.example\"}]",
                "rules[0].when.until"));
        rows.add(rules("a split of one variant", "[{\"split\":[{\"url\":\"https://a.example\",\"weight\":100}]}]", "rules[0].split"));
        rows.add(rules("a split of six variants", "[{\"split\":[" + String.join(",", Collections.nCopies(6,
                "{\"url\":\"https://a.example\",\"weight\":10}")) + "]}]", "rules[0].split"));
        rows.add(rules("split weights adding up to 90", "[{\"split\":[{\"url\":\"https://a.example\",\"weight\":60},"
                + "{\"url\":\"https://b.example\",\"weight\":30}]}]", "rules[0].split"));
        rows.add(rules("a split weight of zero", "[{\"split\":[{\"url\":\"https://a.example\",\"weight\":0},"
                + "{\"url\":\"https://b.example\",\"weight\":100}]}]", "rules[0].split[0].weight"));
        rows.add(rules("a split weight that is a fraction", "[{\"split\":[{\"url\":\"https://a.example\",\"weight\":50.5},"
                + "{\"url\":\"https://b.example\",\"weight\":49.5}]}]", "rules[0].split[0].weight"));
        rows.add(rules("a split variant without a url", "[{\"split\":[{\"weight\":50},{\"url\":\"https://b.example\",\"weight\":50}]}]",
                "rules[0].split[0].url"));
        rows.add(rules("a split variant pointing at the short domain", "[{\"split\":[{\"url\":\"https://sho.rt/x\",\"weight\":50},"
                + "{\"url\":\"https://b.example\",\"weight\":50}]}]", "rules[0].split[0].url"));
        rows.add(rules("21 destination URLs", "[" + String.join(",", Collections.nCopies(4, "{\"when\":{\"os\":[\"ios\"]},"
                + "\"split\":[" + String.join(",", Collections.nCopies(5, "{\"url\":\"https://a.example\",\"weight\":20}")) + "]}"))
                + ",{\"url\":\"https://z.example\"}]", "rules"));
        rows.add(create("password of three characters", "{\"url\":\"https://a.example\",\"password\":\"abc\"}", 400, "validation-failed",
                "password"));
        rows.add(create("password of 129 characters", "{\"url\":\"https://a.example\",\"password\":\"" + "p".repeat(129) + "\"}", 400,
                "validation-failed", "password"));
        rows.add(create("password a number", "{\"url\":\"https://a.example\",\"password\":12345}", 400, "validation-failed", "password"));
        rows.add(create("password with a control character", "{\"url\":\"https://a.example\",\"password\":\"pass\\u0000word\"}", 400,
                "validation-failed", "password"));
        rows.add(create("preview not an object", "{\"url\":\"https://a.example\",\"preview\":\"Spring launch\"}", 400, "validation-failed",
                "preview"));
        rows.add(create("preview with nothing in it", "{\"url\":\"https://a.example\",\"preview\":{}}", 400, "validation-failed",
                "preview"));
        rows.add(create("preview with an unknown field", "{\"url\":\"https://a.example\",\"preview\":{\"title\":\"T\",\"video\":\"v\"}}",
                400, "validation-failed", "preview.video"));
        rows.add(create("preview image a javascript: URL", "{\"url\":\"https://a.example\",\"preview\":{\"image\":\"javascript:alert(1)\"}}",
                400, "validation-failed", "preview.image"));
        rows.add(create("preview title over 200 characters", "{\"url\":\"https://a.example\",\"preview\":{\"title\":\"" + "t".repeat(201)
                + "\"}}", 400, "validation-failed", "preview.title"));
        rows.add(create("forwardQuery a string", "{\"url\":\"https://a.example\",\"forwardQuery\":\"no\"}", 400, "validation-failed",
                "forwardQuery"));
        rows.add(fixture("PATCH forwardQuery null", "links-api/patch-link.json",
                e -> body(path(e, "PATCH", "taken-slug"), "{\"forwardQuery\":null}"), 400, "validation-failed", "forwardQuery"));
        rows.add(fixture("PATCH rules with an unknown OS", "links-api/patch-link.json",
                e -> body(path(e, "PATCH", "taken-slug"), "{\"rules\":[{\"when\":{\"os\":[\"amiga\"]},\"url\":\"https://m.example\"}]}"),
                400, "validation-failed", "rules[0].when.os[0]"));
        rows.add(create("fallbackUrl on a blocked domain", "{\"url\":\"https://a.example\",\"fallbackUrl\":\"https://malware.example/x\"}",
                400, "validation-failed", "fallbackUrl"));
        rows.add(create("redirectType 303", "{\"url\":\"https://a.example\",\"redirectType\":303}", 400, "validation-failed", "redirectType"));
        rows.add(create("tags not an array", "{\"url\":\"https://a.example\",\"tags\":\"a,b\"}", 400, "validation-failed", "tags"));
        rows.add(create("too many tags", "{\"url\":\"https://a.example\",\"tags\":" + tags(21) + "}", 400, "validation-failed", "tags"));
        rows.add(create("tag with markup", "{\"url\":\"https://a.example\",\"tags\":[\"<script>\"]}", 400, "validation-failed", "tags[0]"));
        // Authentication and authorisation
        rows.add(row("no Authorization header", e -> removeHeader(e, "authorization"), 401, "unauthorized", null));
        rows.add(row("Basic instead of Bearer", e -> header(e, "authorization", "Basic dXNlcjpwYXNz"), 401, "unauthorized", null));
        rows.add(row("key of the wrong shape", e -> auth(e, "not-a-key"), 401, "unauthorized", null));
        rows.add(row("unknown key", e -> auth(e, ApiKeySecrets.generate()), 401, "unauthorized", null));
        rows.add(row("right id, wrong secret", e -> auth(e, "ssk_" + adminKeyId + "_" + "W".repeat(32)), 401, "unauthorized", null));
        rows.add(row("revoked key", e -> auth(e, revokedKey), 401, "unauthorized", null));
        rows.add(row("read key creating a link", e -> auth(e, readKey), 403, "forbidden", null));
        rows.add(fixture("write key creating an API key", "links-api/create-key.json", e -> auth(e, writeKey), 403, "forbidden", null));
        rows.add(fixture("another workspace's slug: GET", "links-api/get-link.json", e -> path(e, "GET", "foreign-slug"), 404, "not-found", null));
        rows.add(fixture("another workspace's slug: PATCH", "links-api/patch-link.json", e -> path(e, "PATCH", "foreign-slug"), 404, "not-found", null));
        rows.add(fixture("another workspace's slug: DELETE", "links-api/delete-link.json", e -> path(e, "DELETE", "foreign-slug"), 404, "not-found", null));
        rows.add(fixture("other workspace's key on our slug", "links-api/get-link.json",
                e -> auth(path(e, "GET", "taken-slug"), otherWorkspaceKey), 404, "not-found", null));
        // Edits
        rows.add(fixture("PATCH without If-Match", "links-api/patch-link.json", e -> path(removeHeader(e, "if-match"), "PATCH", "taken-slug"),
                428, "precondition-required", null));
        rows.add(fixture("PATCH with a stale ETag", "links-api/patch-link.json", e -> header(path(e, "PATCH", "taken-slug"), "if-match", "\"99\""),
                412, "precondition-failed", null));
        rows.add(fixture("PATCH with a malformed If-Match", "links-api/patch-link.json", e -> header(path(e, "PATCH", "taken-slug"), "if-match", "v1"),
                400, "validation-failed", "If-Match"));
        rows.add(fixture("PATCH with a weak ETag of the current version", "links-api/patch-link.json",
                e -> header(path(e, "PATCH", "taken-slug"), "if-match", "W/\"1\""), 412, "precondition-failed", null));
        rows.add(fixture("PATCH with a list of stale ETags", "links-api/patch-link.json",
                e -> header(path(e, "PATCH", "taken-slug"), "if-match", "\"5\", \"6\""), 412, "precondition-failed", null));
        rows.add(fixture("PATCH with a list holding a malformed ETag", "links-api/patch-link.json",
                e -> header(path(e, "PATCH", "taken-slug"), "if-match", "\"1\", 2"), 400, "validation-failed", "If-Match"));
        rows.add(fixture("PATCH with an empty object", "links-api/patch-link.json", e -> body(path(e, "PATCH", "taken-slug"), "{}"),
                400, "validation-failed", "(body)"));
        rows.add(fixture("PATCH url to null", "links-api/patch-link.json", e -> body(path(e, "PATCH", "taken-slug"), "{\"url\":null}"),
                400, "validation-failed", "url"));
        rows.add(fixture("PATCH the slug", "links-api/patch-link.json", e -> body(path(e, "PATCH", "taken-slug"), "{\"slug\":\"renamed\"}"),
                400, "validation-failed", "slug"));
        rows.add(fixture("PATCH a title over 200 characters", "links-api/patch-link.json",
                e -> body(path(e, "PATCH", "taken-slug"), "{\"title\":\"" + "t".repeat(201) + "\"}"), 400, "validation-failed", "title"));
        rows.add(fixture("PATCH a description that is a list", "links-api/patch-link.json",
                e -> body(path(e, "PATCH", "taken-slug"), "{\"description\":[\"x\"]}"), 400, "validation-failed", "description"));
        rows.add(fixture("PATCH a fallbackUrl without a scheme", "links-api/patch-link.json",
                e -> body(path(e, "PATCH", "taken-slug"), "{\"fallbackUrl\":\"example.com/over\"}"), 400, "validation-failed", "fallbackUrl"));
        rows.add(fixture("PATCH to a javascript: URL", "links-api/patch-link.json",
                e -> body(path(e, "PATCH", "taken-slug"), "{\"url\":\"javascript:void(0)\"}"), 400, "validation-failed", "url"));
        rows.add(fixture("DELETE with a stale ETag", "links-api/delete-link.json", e -> header(path(e, "DELETE", "taken-slug"), "if-match", "\"7\""),
                412, "precondition-failed", null));
        // Listing
        rows.add(fixture("limit 0", "links-api/list-links.json", e -> query(e, "limit", "0"), 400, "validation-failed", "query.limit"));
        rows.add(fixture("limit not a number", "links-api/list-links.json", e -> query(e, "limit", "ten"), 400, "validation-failed", "query.limit"));
        rows.add(fixture("limit over 100", "links-api/list-links.json", e -> query(e, "limit", "101"), 400, "validation-failed", "query.limit"));
        rows.add(fixture("unknown query parameter", "links-api/list-links.json", e -> query(e, "tags", "a"), 400, "validation-failed", "query.tags"));
        rows.add(fixture("a tag filter given twice", "links-api/list-links.json",
                e -> query(e.put("rawQueryString", "limit=2&tag=a&tag=b"), "tag", "a,b"), 400, "validation-failed", "query.tag"));
        rows.add(fixture("forged cursor", "links-api/list-links.json", e -> query(e, "cursor", "bm90LWEtY3Vyc29y"), 400, "invalid-cursor", null));
        // Imports
        rows.add(importing("import without a format", "{}", 400, "validation-failed", "format"));
        rows.add(importing("import of an unknown format", "{\"format\":\"excel\"}", 400, "validation-failed", "format"));
        rows.add(importing("import with an unknown onInvalidSlug", "{\"format\":\"jsonl\",\"onInvalidSlug\":\"skip\"}", 400,
                "validation-failed", "onInvalidSlug"));
        rows.add(importing("import with an unknown field", "{\"format\":\"jsonl\",\"encoding\":\"latin1\"}", 400, "validation-failed", "encoding"));
        rows.add(importing("import with a bad default tag", "{\"format\":\"jsonl\",\"defaultTags\":[\"<b>\"]}", 400, "validation-failed", "defaultTags[0]"));
        rows.add(importing("import declaring a size of 0", "{\"format\":\"jsonl\",\"sizeBytes\":0}", 400, "validation-failed", "sizeBytes"));
        rows.add(importing("import declaring a size over the limit", "{\"format\":\"jsonl\",\"sizeBytes\":999999999}", 413, "payload-too-large", null));
        rows.add(fixture("import by a read key", "links-api/create-import.json", e -> auth(e, readKey), 403, "forbidden", null));
        rows.add(fixture("import as HTML", "links-api/create-import.json", e -> header(e, "content-type", "text/html"), 415, "unsupported-media-type", null));
        rows.add(fixture("GET /v1/imports", "links-api/create-import.json", e -> path(e, "GET", null, "/v1/imports"), 405, "method-not-allowed", null));
        rows.add(fixture("inline import of an empty file", "links-api/create-import-inline.json", e -> body(e, ""), 400, "malformed-body", null));
        rows.add(fixture("inline import of an unknown format", "links-api/create-import-inline.json", e -> query(e, "format", "xml"),
                400, "validation-failed", "format"));
        rows.add(fixture("inline import with a bad default tag", "links-api/create-import-inline.json", e -> query(e, "defaultTags", "ok,<b>"),
                400, "validation-failed", "query.defaultTags"));
        rows.add(fixture("inline import over 1 MiB", "links-api/create-import-inline.json",
                e -> body(e, "url\n" + "https://a.example/x\n".repeat(60_000)), 413, "payload-too-large", null));
        rows.add(fixture("starting an unknown import", "links-api/create-import.json",
                e -> path(e, "POST", null, "/v1/imports/job_nosuchjob/start"), 404, "not-found", null));
        rows.add(fixture("starting an import before its upload", "links-api/create-import.json",
                e -> path(e, "POST", null, "/v1/imports/" + awaitingUploadJobId + "/start"), 409, "upload-missing", null));
        rows.add(fixture("starting an export as an import", "links-api/create-import.json",
                e -> path(e, "POST", null, "/v1/imports/" + endedJobId + "/start"), 404, "not-found", null));
        // Exports and jobs
        rows.add(exporting("export without a type", "{\"format\":\"csv\"}", "type"));
        rows.add(exporting("export of an unknown type", "{\"type\":\"visits\"}", "type"));
        rows.add(exporting("clicks export without a range", "{\"type\":\"clicks\"}", "from"));
        rows.add(exporting("stats export without an end", "{\"type\":\"stats\",\"from\":\"2026-11-01\"}", "to"));
        rows.add(exporting("stats export over 93 days", "{\"type\":\"stats\",\"from\":\"2026-01-01\",\"to\":\"2026-11-01\"}", "to"));
        rows.add(exporting("export as XML", "{\"type\":\"links\",\"format\":\"xml\"}", "format"));
        rows.add(exporting("export with a malformed date", "{\"type\":\"links\",\"from\":\"01/11/2026\"}", "from"));
        rows.add(exporting("export ending before it starts", "{\"type\":\"links\",\"from\":\"2026-11-20\",\"to\":\"2026-11-01\"}", "to"));
        rows.add(fixture("jobs: limit 0", "links-api/list-jobs.json", e -> query(e, "limit", "0"), 400, "validation-failed", "query.limit"));
        rows.add(fixture("jobs: unknown parameter", "links-api/list-jobs.json", e -> query(e, "status", "running"), 400, "validation-failed", "query.status"));
        rows.add(fixture("jobs: forged cursor", "links-api/list-jobs.json", e -> query(e, "cursor", "bm90LWEtY3Vyc29y"), 400, "invalid-cursor", null));
        rows.add(fixture("an unknown job", "links-api/list-jobs.json", e -> path(e, "GET", null, "/v1/jobs/job_nosuchjob"), 404, "not-found", null));
        rows.add(fixture("another workspace's job", "links-api/list-jobs.json", e -> path(e, "GET", null, "/v1/jobs/" + foreignJobId),
                404, "not-found", null));
        rows.add(fixture("cancelling another workspace's job", "links-api/create-export.json",
                e -> path(e, "POST", null, "/v1/jobs/" + foreignJobId + "/cancel"), 404, "not-found", null));
        rows.add(fixture("cancelling an ended job", "links-api/create-export.json",
                e -> path(e, "POST", null, "/v1/jobs/" + endedJobId + "/cancel"), 409, "job-ended", null));
        rows.add(fixture("cancelling by a read key", "links-api/create-export.json",
                e -> auth(path(e, "POST", null, "/v1/jobs/" + awaitingUploadJobId + "/cancel"), readKey), 403, "forbidden", null));
        rows.add(fixture("DELETE on a job", "links-api/list-jobs.json", e -> path(e, "DELETE", null, "/v1/jobs/" + endedJobId),
                405, "method-not-allowed", null));
        // Routes and keys
        rows.add(row("unknown route", e -> path(e, "GET", null, "/v1/nothing"), 404, "route-not-found", null));
        rows.add(row("PUT on /v1/links", e -> path(e, "PUT", null, "/v1/links"), 405, "method-not-allowed", null));
        rows.add(fixture("key with unknown role", "links-api/create-key.json", e -> body(e, "{\"name\":\"x\",\"role\":\"owner\"}"), 400, "validation-failed", "role"));
        rows.add(fixture("key without a name", "links-api/create-key.json", e -> body(e, "{\"role\":\"read\"}"), 400, "validation-failed", "name"));
        rows.add(fixture("a key revoking itself", "links-api/create-key.json", e -> path(e, "DELETE", null, "/v1/keys/" + adminKeyId),
                409, "self-revocation", null));
        // Webhook endpoints (admin keys only)
        rows.add(webhook("webhook: url missing", "{\"events\":[\"link.created\"]}", "url"));
        rows.add(webhook("webhook: url not a string", "{\"url\":42,\"events\":[\"link.created\"]}", "url"));
        rows.add(webhook("webhook: http url", "{\"url\":\"http://hooks.example.com/a\",\"events\":[\"link.created\"]}", "url"));
        rows.add(webhook("webhook: loopback url", "{\"url\":\"https://127.0.0.1/a\",\"events\":[\"link.created\"]}", "url"));
        rows.add(webhook("webhook: metadata address", "{\"url\":\"https://169.254.169.254/latest\",\"events\":[\"link.created\"]}",
                "url"));
        rows.add(webhook("webhook: private address", "{\"url\":\"https://10.0.0.7/a\",\"events\":[\"link.created\"]}", "url"));
        rows.add(webhook("webhook: localhost", "{\"url\":\"https://localhost/a\",\"events\":[\"link.created\"]}", "url"));
        rows.add(webhook("webhook: credentials in url", "{\"url\":\"https://u:p@hooks.example.com/\",\"events\":[\"link.created\"]}",
                "url"));
        rows.add(webhook("webhook: url too long", "{\"url\":\"https://hooks.example.com/" + "a".repeat(2100)
                + "\",\"events\":[\"link.created\"]}", "url"));
        rows.add(webhook("webhook: events missing", "{\"url\":\"https://hooks.example.com/a\"}", "events"));
        rows.add(webhook("webhook: events empty", "{\"url\":\"https://hooks.example.com/a\",\"events\":[]}", "events"));
        rows.add(webhook("webhook: events not an array", "{\"url\":\"https://hooks.example.com/a\",\"events\":\"link.created\"}",
                "events"));
        rows.add(webhook("webhook: unknown event", "{\"url\":\"https://hooks.example.com/a\",\"events\":[\"link.exploded\"]}",
                "events[0]"));
        rows.add(webhook("webhook: event twice", "{\"url\":\"https://hooks.example.com/a\",\"events\":[\"link.created\",\"link.created\"]}",
                "events[1]"));
        rows.add(webhook("webhook: description too long", "{\"url\":\"https://hooks.example.com/a\",\"events\":[\"link.created\"],"
                + "\"description\":\"" + "d".repeat(201) + "\"}", "description"));
        rows.add(webhook("webhook: unknown field", "{\"url\":\"https://hooks.example.com/a\",\"events\":[\"link.created\"],"
                + "\"secret\":\"mine\"}", "secret"));
        rows.add(fixture("webhook: write key", "links-api/create-webhook.json", e -> auth(e, writeKey), 403, "forbidden", null));
        rows.add(fixture("webhook: read key lists", "links-api/create-webhook.json",
                e -> auth(path(e, "GET", null, "/v1/webhooks"), readKey), 403, "forbidden", null));
        rows.add(fixture("webhook: eleventh endpoint", "links-api/create-webhook.json", e -> auth(e, fullWorkspaceKey),
                409, "limit-reached", null));
        rows.add(fixture("webhook: unknown endpoint", "links-api/create-webhook.json",
                e -> path(e, "GET", null, "/v1/webhooks/wh_nosuchendpointxx"), 404, "not-found", null));
        rows.add(fixture("webhook: another workspace's endpoint", "links-api/create-webhook.json",
                e -> auth(path(e, "DELETE", null, "/v1/webhooks/" + webhookId), otherWorkspaceKey), 404, "not-found", null));
        rows.add(webhookEdit("webhook patch: events cleared", "{\"events\":null}", "events"));
        rows.add(webhookEdit("webhook patch: enabled not a boolean", "{\"enabled\":\"yes\"}", "enabled"));
        rows.add(webhookEdit("webhook patch: http url", "{\"url\":\"http://hooks.example.com/b\"}", "url"));
        rows.add(fixture("webhook rotation: negative overlap", "links-api/create-webhook.json",
                e -> body(path(e, "POST", null, "/v1/webhooks/" + webhookId + "/secret"), "{\"keepPreviousForSeconds\":-1}"),
                400, "validation-failed", "keepPreviousForSeconds"));
        rows.add(fixture("webhook rotation: overlap over a week", "links-api/create-webhook.json",
                e -> body(path(e, "POST", null, "/v1/webhooks/" + webhookId + "/secret"), "{\"keepPreviousForSeconds\":604801}"),
                400, "validation-failed", "keepPreviousForSeconds"));
        rows.add(fixture("webhook deliveries: limit 0", "links-api/create-webhook.json",
                e -> query(path(e, "GET", null, "/v1/webhooks/" + webhookId + "/deliveries"), "limit", "0"),
                400, "validation-failed", "query.limit"));
        rows.add(fixture("webhook redelivery: unknown delivery", "links-api/create-webhook.json",
                e -> path(e, "POST", null, "/v1/webhooks/" + webhookId + "/deliveries/evt_nosuchdelivery/redeliver"),
                404, "not-found", null));
        rows.add(fixture("key: expiry in the past", "links-api/create-key.json",
                e -> body(e, "{\"name\":\"k\",\"role\":\"read\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400, "validation-failed", "expiresAt"));
        rows.add(fixture("key: expiry beyond three years", "links-api/create-key.json",
                e -> body(e, "{\"name\":\"k\",\"role\":\"read\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}"), 400, "validation-failed", "expiresAt"));
        rows.add(fixture("key: expiry without an offset", "links-api/create-key.json",
                e -> body(e, "{\"name\":\"k\",\"role\":\"read\",\"expiresAt\":\"2027-01-01T00:00:00\"}"), 400, "validation-failed", "expiresAt"));
        rows.add(fixture("audit: limit 0", "links-api/list-keys.json", e -> query(path(e, "GET", null, "/v1/audit"), "limit", "0"),
                400, "validation-failed", "query.limit"));
        rows.add(fixture("audit: a cursor of another list", "links-api/list-keys.json",
                e -> query(path(e, "GET", null, "/v1/audit"), "cursor", "bm90LWEtY3Vyc29y"), 400, "invalid-cursor", null));
        rows.add(fixture("audit: write key", "links-api/list-keys.json", e -> auth(path(e, "GET", null, "/v1/audit"), writeKey),
                403, "forbidden", null));
        rows.add(fixture("revoking an unknown key", "links-api/create-key.json", e -> path(e, "DELETE", null, "/v1/keys/aaaaaaaaaaaa"),
                404, "not-found", null));
        // Short domains: on links (the domain must be the workspace's) and on /v1/domains (admins set pages of their own)
        rows.add(create("domain: another workspace's", "{\"url\":\"https://example.com\",\"domain\":\"team.example\"}", 400,
                "validation-failed", "domain"));
        rows.add(create("domain: not configured", "{\"url\":\"https://example.com\",\"domain\":\"elsewhere.example\"}", 400,
                "validation-failed", "domain"));
        rows.add(create("domain: with a scheme", "{\"url\":\"https://example.com\",\"domain\":\"https://go.sho.rt\"}", 400,
                "validation-failed", "domain"));
        rows.add(create("domain: with a port", "{\"url\":\"https://example.com\",\"domain\":\"go.sho.rt:8443\"}", 400,
                "validation-failed", "domain"));
        rows.add(create("domain: null", "{\"url\":\"https://example.com\",\"domain\":null}", 400, "validation-failed", "domain"));
        rows.add(create("domain: a number", "{\"url\":\"https://example.com\",\"domain\":7}", 400, "validation-failed", "domain"));
        rows.add(create("domain: slug taken on it", "{\"url\":\"https://example.com\",\"slug\":\"on-go\",\"domain\":\"go.sho.rt\"}",
                409, "slug-taken", null));
        rows.add(create("url: to another short domain of the stage", "{\"url\":\"https://go.sho.rt/x\"}", 400, "validation-failed", "url"));
        rows.add(row("?domain=: not a host name", e -> query(path(e, "GET", "taken-slug"), "domain", "not a host"), 400,
                "validation-failed", "query.domain"));
        rows.add(row("?domain=: the link is on another domain", e -> query(path(e, "GET", "taken-slug"), "domain", "go.sho.rt"), 404,
                "not-found", null));
        rows.add(row("?domain=: another workspace's link there", e -> auth(query(path(e, "GET", "on-go"), "domain", "go.sho.rt"),
                otherWorkspaceKey), 404, "not-found", null));
        rows.add(domainEdit("domain patch: empty body", "go.sho.rt", "{}", 400, "validation-failed", "(body)"));
        rows.add(domainEdit("domain patch: rootUrl not http(s)", "go.sho.rt", "{\"rootUrl\":\"ftp://example.com/\"}", 400,
                "validation-failed", "rootUrl"));
        rows.add(domainEdit("domain patch: notFoundUrl relative", "go.sho.rt", "{\"notFoundUrl\":\"/missing\"}", 400,
                "validation-failed", "notFoundUrl"));
        rows.add(domainEdit("domain patch: rootUrl a number", "go.sho.rt", "{\"rootUrl\":3}", 400, "validation-failed", "rootUrl"));
        rows.add(domainEdit("domain patch: default false", "go.sho.rt", "{\"default\":false}", 400, "validation-failed", "default"));
        rows.add(domainEdit("domain patch: default null", "go.sho.rt", "{\"default\":null}", 400, "validation-failed", "default"));
        rows.add(domainEdit("domain patch: unknown field", "go.sho.rt", "{\"certificate\":\"x\"}", 400, "validation-failed", "certificate"));
        rows.add(domainEdit("domain patch: another workspace's domain", "team.example", "{\"default\":true}", 404, "not-found", null));
        rows.add(domainEdit("domain patch: not configured", "elsewhere.example", "{\"default\":true}", 404, "not-found", null));
        rows.add(fixture("domain patch: write key", "links-api/update-domain.json", e -> auth(e, writeKey), 403, "forbidden", null));
        rows.add(fixture("domain patch: pages of a domain it does not own", "links-api/update-domain.json",
                e -> auth(body(path(e, "PATCH", null, "/v1/domains/sho.rt"), "{\"rootUrl\":\"https://example.com/\"}"), otherWorkspaceKey),
                403, "forbidden", null));
        rows.add(fixture("domain: GET another workspace's", "links-api/list-domains.json",
                e -> path(e, "GET", null, "/v1/domains/team.example"), 404, "not-found", null));
        rows.add(fixture("domains: DELETE", "links-api/list-domains.json", e -> path(e, "DELETE", null, "/v1/domains/go.sho.rt"),
                405, "method-not-allowed", null));
        return rows.stream();
    }

    private static Arguments webhook(String name, String body, String field) {
        return fixture(name, "links-api/create-webhook.json", e -> body(e, body), 400, "validation-failed", field);
    }

    private static Arguments domainEdit(String name, String host, String body, int status, String type, String field) {
        return fixture(name, "links-api/update-domain.json", e -> body(path(e, "PATCH", null, "/v1/domains/" + host), body),
                status, type, field);
    }

    private static Arguments webhookEdit(String name, String body, String field) {
        return fixture(name, "links-api/create-webhook.json", e -> body(path(e, "PATCH", null, "/v1/webhooks/" + webhookId), body),
                400, "validation-failed", field);
    }

    private static Arguments importing(String name, String body, int status, String type, String field) {
        return fixture(name, "links-api/create-import.json", e -> body(e, body), status, type, field);
    }

    private static Arguments exporting(String name, String body, String field) {
        return fixture(name, "links-api/create-export.json", e -> body(e, body), 400, "validation-failed", field);
    }

    private static Arguments create(String name, String body, int status, String type, String field) {
        return row(name, e -> body(e, body), status, type, field);
    }

    private static Arguments row(String name, UnaryOperator<ObjectNode> change, int status, String type, String field) {
        return fixture(name, "links-api/create-link.json", change, status, type, field);
    }

    private static Arguments fixture(String name, String file, UnaryOperator<ObjectNode> change, int status, String type, String field) {
        UnaryOperator<ObjectNode> request = ignored -> change.apply(event(file));
        return Arguments.of(name, request, status, type, field);
    }

    private static String slugBody(String slug) {
        return "{\"url\":\"https://a.example\",\"slug\":\"" + slug + "\"}";
    }

    private static String tags(int count) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        return sb.append(']').toString();
    }

    private static ObjectNode body(ObjectNode event, String body) {
        return Fixtures.withBody(event, body);
    }

    private static ObjectNode base64(ObjectNode event, String body) {
        event.put("body", body);
        event.put("isBase64Encoded", true);
        return event;
    }

    private static ObjectNode header(ObjectNode event, String name, String value) {
        return Fixtures.withHeader(event, name, value);
    }

    private static ObjectNode removeHeader(ObjectNode event, String name) {
        return Fixtures.withoutHeader(event, name);
    }

    private static ObjectNode auth(ObjectNode event, String key) {
        return header(event, "authorization", "Bearer " + key);
    }

    private static ObjectNode query(ObjectNode event, String name, String value) {
        event.withObjectProperty("queryStringParameters").put(name, value);
        return event;
    }

    private static ObjectNode path(ObjectNode event, String method, String slug) {
        return path(event, method, slug, "/v1/links/" + slug);
    }

    private static ObjectNode path(ObjectNode event, String method, String slug, String path) {
        return Fixtures.withRequest(event, method, path);
    }
}
