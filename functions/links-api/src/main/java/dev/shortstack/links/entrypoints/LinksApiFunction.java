package dev.shortstack.links.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.shortstack.links.compat.CompatContext;
import dev.shortstack.links.compat.bitly.BitlyLinkRoutes;
import dev.shortstack.links.compat.dub.DubLinkRoutes;
import dev.shortstack.links.compat.shlink.ShlinkLinkRoutes;
import dev.shortstack.links.jobs.ImportRequest;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.NewImport;
import dev.shortstack.links.jobs.PresignedUrl;
import dev.shortstack.links.keys.KeyRequestParser;
import dev.shortstack.links.openapi.OpenApiDocument;
import dev.shortstack.links.keys.NewApiKey;
import dev.shortstack.links.links.LinkPatch;
import dev.shortstack.links.links.LinkAddress;
import dev.shortstack.links.domains.DomainInfo;
import dev.shortstack.links.domains.DomainRequests;
import dev.shortstack.shared.link.LinkKeys;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.links.links.RulePreview;
import dev.shortstack.links.request.JsonBody;
import dev.shortstack.links.webhooks.NewWebhookEndpoint;
import dev.shortstack.links.webhooks.WebhookRequests;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.links.audit.AuditEntry;
import dev.shortstack.links.audit.AuditTrail;
import java.util.TreeMap;
import java.time.Duration;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiFunction;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.http.OriginVerifiers;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.PrimingEvents;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.paging.PageRequest;
import dev.shortstack.shared.observability.Observability;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The links API behind {@code ANY /v1/{proxy+}} (statistics have their own function): routes, authenticates, parses, calls a service
 * and maps the result. All logic lives in the services.
 */
public final class LinksApiFunction extends HttpApiFunction {
    /** Files up to this size may come in the request itself; bigger ones go to the upload URL. */
    static final int INLINE_IMPORT_MAX_BYTES = 1024 * 1024;
    private static final Set<String> INLINE_IMPORT_TYPES = Set.of("text/csv", "application/x-ndjson", "application/jsonl", "text/plain");
    private static final Pattern ETAG = Pattern.compile("(W/)?\"(\\d{1,18})\"");
    private static final Set<String> JSON = Set.of("application/json");
    private static final Set<String> JSON_OR_MERGE_PATCH = Set.of("application/json", "application/merge-patch+json");
    private static final int MAX_SEARCH = 200;

    private final LinksApiDependencies deps;
    private final Views views;
    private final RouteTable routes;
    private final ShlinkLinkRoutes shlink;
    private final BitlyLinkRoutes bitly;
    private final DubLinkRoutes dub;

    /** Lambda's entry point: configuration from the environment, clients built once. */
    public LinksApiFunction() {
        this(Env.system());
    }

    /** Configured by the environment, as in Lambda (and the local runner): with the origin check when one is set. */
    public LinksApiFunction(Env env) {
        this(LinksApiDependencies.fromEnv(env), OriginVerifiers.fromEnv(env));
    }

    public LinksApiFunction(LinksApiDependencies deps) {
        this(deps, null);
    }

    public LinksApiFunction(LinksApiDependencies deps, OriginVerifier origin) {
        super(new Observability("links-api"), origin);
        this.deps = deps;
        this.views = new Views(deps.shortBaseUrl());
        this.routes = routes();
        CompatContext compat = new CompatContext(deps.authenticator(), deps.links(), deps.parser(), deps.shortBaseUrl(), deps.domains(),
                deps.clock());
        this.shlink = new ShlinkLinkRoutes(compat);
        this.bitly = new BitlyLinkRoutes(compat);
        this.dub = new DubLinkRoutes(compat);
    }

    /** The function's own routes as "METHOD template" (the compatibility APIs' aside), for the OpenAPI document's test. */
    public List<String> describeRoutes() {
        return routes.describe();
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        if (ShlinkLinkRoutes.handles(request)) {
            return shlink.answer(request);
        }
        if (BitlyLinkRoutes.handles(request)) {
            return bitly.answer(request);
        }
        if (DubLinkRoutes.handles(request)) {
            return dub.answer(request);
        }
        return routes.dispatch(request);
    }

    /** Every route of the links API; 404 and 405 (with Allow) come from the table. */
    private RouteTable routes() {
        return new RouteTable()
                .add("GET", "/v1/openapi.json", (request, params) -> OpenApiDocument.response())
                .add("GET", "/v1/session", (request, params) -> HttpApiResponse.uncachedJson(200, views.session(caller(request, Role.READ))))
                .add("GET", "/v1/links", (request, params) -> listLinks(request, caller(request, Role.READ)))
                .add("POST", "/v1/links", (request, params) -> createLink(request, caller(request, Role.WRITE)))
                .add("GET", "/v1/links/{slug}", (request, params) -> getLink(caller(request, Role.READ), linkKey(request, params)))
                .add("PATCH", "/v1/links/{slug}", (request, params) -> updateLink(request, caller(request, Role.WRITE), linkKey(request, params)))
                .add("DELETE", "/v1/links/{slug}", (request, params) -> deleteLink(request, caller(request, Role.WRITE), linkKey(request, params)))
                .add("GET", "/v1/domains", (request, params) -> listDomains(caller(request, Role.READ)))
                .add("GET", "/v1/domains/{host}", (request, params) -> HttpApiResponse.uncachedJson(200,
                        views.domain(deps.domains().get(caller(request, Role.READ), params.get("host")))))
                .add("PATCH", "/v1/domains/{host}", (request, params) -> updateDomain(request, caller(request, Role.ADMIN), params.get("host")))
                .add("POST", "/v1/rules/preview", (request, params) -> previewRules(request, caller(request, Role.READ)))
                .add("GET", "/v1/keys", (request, params) -> listKeys(request, caller(request, Role.ADMIN)))
                .add("POST", "/v1/keys", (request, params) -> createKey(request, caller(request, Role.ADMIN)))
                .add("DELETE", "/v1/keys/{keyId}", (request, params) -> revokeKey(request, caller(request, Role.ADMIN), params.get("keyId")))
                .add("POST", "/v1/imports", (request, params) -> createImport(request, caller(request, Role.WRITE)))
                .add("POST", "/v1/imports/{jobId}/start", (request, params) -> jobResponse(202,
                        deps.jobs().startImport(caller(request, Role.WRITE), params.get("jobId")), Optional.empty()))
                .add("POST", "/v1/exports", (request, params) -> createExport(request, caller(request, Role.READ)))
                .add("GET", "/v1/jobs", (request, params) -> listJobs(request, caller(request, Role.READ)))
                .add("GET", "/v1/jobs/{jobId}", (request, params) -> jobResponse(200,
                        deps.jobs().get(caller(request, Role.READ), params.get("jobId")), Optional.empty()))
                .add("POST", "/v1/jobs/{jobId}/cancel", (request, params) -> jobResponse(200,
                        deps.jobs().cancel(caller(request, Role.WRITE), params.get("jobId")), Optional.empty()))
                .add("GET", "/v1/webhooks", (request, params) -> listWebhooks(caller(request, Role.ADMIN)))
                .add("POST", "/v1/webhooks", (request, params) -> createWebhook(request, caller(request, Role.ADMIN)))
                .add("GET", "/v1/webhooks/{webhookId}", (request, params) -> HttpApiResponse.uncachedJson(200,
                        views.webhook(deps.webhooks().get(caller(request, Role.ADMIN), params.get("webhookId")))))
                .add("PATCH", "/v1/webhooks/{webhookId}", (request, params) -> updateWebhook(request, caller(request, Role.ADMIN),
                        params.get("webhookId")))
                .add("DELETE", "/v1/webhooks/{webhookId}", (request, params) -> {
                    Caller caller = caller(request, Role.ADMIN);
                    deps.webhooks().delete(caller, params.get("webhookId"));
                    deps.audit().record(caller, request, "webhook.deleted", params.get("webhookId"), Map.of());
                    return HttpApiResponse.noContent();
                })
                .add("POST", "/v1/webhooks/{webhookId}/secret", (request, params) -> rotateWebhookSecret(request,
                        caller(request, Role.ADMIN), params.get("webhookId")))
                .add("GET", "/v1/webhooks/{webhookId}/deliveries", (request, params) -> listDeliveries(request,
                        caller(request, Role.ADMIN), params.get("webhookId")))
                .add("POST", "/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", (request, params) ->
                        redeliver(request, caller(request, Role.ADMIN), params.get("webhookId"), params.get("deliveryId")))
                .add("GET", "/v1/audit", (request, params) -> listAudit(request, caller(request, Role.ADMIN)));
    }

    private HttpApiResponse redeliver(HttpApiRequest request, Caller caller, String webhookId, String deliveryId) {
        WebhookDelivery copy = deps.webhooks().redeliver(caller, webhookId, deliveryId);
        deps.audit().record(caller, request, "webhook.redelivered", webhookId, Map.of("delivery", deliveryId, "newDelivery", copy.deliveryId()));
        return HttpApiResponse.uncachedJson(202, views.delivery(copy));
    }

    private HttpApiResponse listAudit(HttpApiRequest request, Caller caller) {
        Page<AuditEntry> page = deps.audit().list(caller, PageRequest.parse(request, Set.of()));
        return HttpApiResponse.uncachedJson(200, views.page(page, views::auditEntry));
    }

    private HttpApiResponse listWebhooks(Caller caller) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        deps.webhooks().list(caller).forEach(endpoint -> items.add(views.webhook(endpoint)));
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse createWebhook(HttpApiRequest request, Caller caller) {
        NewWebhookEndpoint created = deps.webhooks().create(caller, deps.webhookRequests().parseCreate(JsonBody.parse(request, JSON)));
        deps.audit().record(caller, request, "webhook.created", created.endpoint().endpointId(), Map.of("url",
                AuditTrail.redactedUrl(created.endpoint().url()),
                "events", String.join(",", created.endpoint().events().stream().map(e -> e.wireName()).sorted().toList())));
        observability().count("WebhookEndpointCreated");
        return HttpApiResponse.uncachedJson(201, views.newWebhook(created))
                .withHeader("location", "/v1/webhooks/" + created.endpoint().endpointId());
    }

    private HttpApiResponse updateWebhook(HttpApiRequest request, Caller caller, String webhookId) {
        WebhookRequests.EndpointPatch patch = deps.webhookRequests().parsePatch(JsonBody.parse(request, JSON_OR_MERGE_PATCH));
        WebhookEndpoint updated = deps.webhooks().update(caller, webhookId, patch);
        deps.audit().record(caller, request, "webhook.updated", webhookId, Map.of("url", AuditTrail.redactedUrl(updated.url()),
                "status", updated.status().wireName(),
                "events", String.join(",", updated.events().stream().map(e -> e.wireName()).sorted().toList())));
        return HttpApiResponse.uncachedJson(200, views.webhook(updated));
    }

    /** The body is optional: without it the old secret keeps signing for a day. */
    private HttpApiResponse rotateWebhookSecret(HttpApiRequest request, Caller caller, String webhookId) {
        Duration keepPrevious = request.body() == null || request.body().isBlank()
                ? WebhookRequests.DEFAULT_KEEP_PREVIOUS
                : deps.webhookRequests().parseRotation(JsonBody.parse(request, JSON));
        NewWebhookEndpoint rotated = deps.webhooks().rotateSecret(caller, webhookId, keepPrevious);
        deps.audit().record(caller, request, "webhook.secret-rotated", webhookId, Map.of("keepPreviousForSeconds",
                Long.toString(keepPrevious.toSeconds())));
        return HttpApiResponse.uncachedJson(200, views.newWebhook(rotated));
    }

    private HttpApiResponse listDeliveries(HttpApiRequest request, Caller caller, String webhookId) {
        Page<WebhookDelivery> page = deps.webhooks().deliveries(caller, webhookId, PageRequest.parse(request, Set.of()));
        return HttpApiResponse.uncachedJson(200, views.page(page, views::delivery));
    }

    /** The link a {@code /v1/links/{slug}} request names: the slug on the domain {@code ?domain=} names (the default when absent). */
    private String linkKey(HttpApiRequest request, Map<String, String> params) {
        String key = LinkAddress.key(request, params.get("slug"), deps.links().domains());
        MDC.put("slug", key);
        return key;
    }

    private HttpApiResponse listDomains(Caller caller) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        deps.domains().list(caller).forEach(domain -> items.add(views.domain(domain)));
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse updateDomain(HttpApiRequest request, Caller caller, String host) {
        DomainInfo updated = deps.domains().update(caller, host, DomainRequests.parsePatch(JsonBody.parse(request, JSON_OR_MERGE_PATCH)));
        Map<String, String> details = new TreeMap<>(Map.of("default", Boolean.toString(updated.workspaceDefault())));
        if (updated.settings() != null) {
            details.put("rootUrl", updated.settings().rootUrl() == null ? "(built-in page)" : AuditTrail.redactedUrl(updated.settings().rootUrl()));
            details.put("notFoundUrl", updated.settings().notFoundUrl() == null ? "(built-in page)"
                    : AuditTrail.redactedUrl(updated.settings().notFoundUrl()));
        }
        deps.audit().record(caller, request, "domain.updated", updated.host(), details);
        return HttpApiResponse.uncachedJson(200, views.domain(updated));
    }

    private HttpApiResponse revokeKey(HttpApiRequest request, Caller caller, String keyId) {
        deps.keys().revoke(caller, keyId);
        deps.audit().record(caller, request, "key.revoked", keyId, Map.of());
        return HttpApiResponse.noContent();
    }

    private HttpApiResponse createExport(HttpApiRequest request, Caller caller) {
        Job job = deps.jobs().createExport(caller, deps.jobRequests().parseExport(JsonBody.parse(request, JSON)));
        deps.audit().record(caller, request, "export.started", job.jobId(), Map.of("type", job.exportType(), "format", job.format()));
        return jobResponse(202, job, Optional.empty()).withHeader("location", "/v1/jobs/" + job.jobId());
    }

    /** JSON asks for an upload URL; a CSV or JSON Lines body is the file itself. */
    private HttpApiResponse createImport(HttpApiRequest request, Caller caller) {
        String mediaType = mediaType(request);
        if (INLINE_IMPORT_TYPES.contains(mediaType)) {
            if (request.bodyBytes() > INLINE_IMPORT_MAX_BYTES) {
                throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "Inline imports may be at most " + INLINE_IMPORT_MAX_BYTES
                        + " bytes; POST a JSON body {\"format\": ...} for an upload URL instead.");
            }
            ImportRequest parsed = deps.jobRequests().parseInlineImport(request.queryParam("format").orElse(null), mediaType,
                    request.queryParam("defaultTags").orElse(null), request.queryParam("onInvalidSlug").orElse(null),
                    request.bodyBytes());
            if (request.body() == null || request.body().isEmpty()) {
                throw new ApiProblem(ProblemType.MALFORMED_BODY, "The file is empty: send at least a header and one row.");
            }
            Job job = deps.jobs().createInlineImport(caller, parsed, request.body().getBytes(StandardCharsets.UTF_8),
                    request.header("content-type").orElse(mediaType));
            deps.audit().record(caller, request, "import.started", job.jobId(), Map.of("format", job.format()));
            observability().count("ImportStarted");
            return jobResponse(202, job, Optional.empty()).withHeader("location", "/v1/jobs/" + job.jobId());
        }
        ImportRequest parsed = deps.jobRequests().parseImport(JsonBody.parse(request, JSON));
        NewImport created = deps.jobs().createImport(caller, parsed);
        deps.audit().record(caller, request, "import.started", created.job().jobId(), Map.of("format", created.job().format()));
        observability().count("ImportStarted");
        return jobResponse(202, created.job(), Optional.of(created.upload()))
                .withHeader("location", "/v1/jobs/" + created.job().jobId());
    }

    private HttpApiResponse listJobs(HttpApiRequest request, Caller caller) {
        Page<Job> page = deps.jobs().list(caller, PageRequest.parse(request, Set.of()));
        return HttpApiResponse.uncachedJson(200, views.page(page, job -> jobView(job, Optional.empty())));
    }

    private HttpApiResponse jobResponse(int status, Job job, Optional<PresignedUrl> upload) {
        MDC.put("jobId", job.jobId());
        return HttpApiResponse.uncachedJson(status, jobView(job, upload));
    }

    private ObjectNode jobView(Job job, Optional<PresignedUrl> upload) {
        return views.job(job, now(), upload, deps.jobs().errorReportUrl(job), deps.jobs().resultUrl(job));
    }

    private static String mediaType(HttpApiRequest request) {
        return request.header("content-type").orElse("").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** A well-formed key that does not exist: one GetItem on the keys table, a 401, nothing written. */
    @Override
    protected JsonNode primingEvent() {
        return PrimingEvents.get("/v1/links", Map.of("proxy", "links"),
                Map.of("authorization", "Bearer ssk_primingprimi_" + "P".repeat(32), "accept", "application/json"));
    }

    private HttpApiResponse createLink(HttpApiRequest request, Caller caller) {
        ObjectNode body = JsonBody.parse(request, JSON);
        NewLink newLink = deps.parser().parseCreate(body, now());
        Link link = deps.links().create(caller, newLink);
        MDC.put("slug", link.key());
        observability().count("LinkCreated");
        // A new link has used none of its visits: no read needed to say so.
        return linkResponse(201, link, link.hasVisitLimit() ? OptionalLong.of(0) : OptionalLong.empty())
                .withHeader("location", LinkAddress.path(link));
    }

    /** Computes, stores nothing: any key may ask where a visitor would go. */
    private HttpApiResponse previewRules(HttpApiRequest request, Caller caller) {
        RulePreview preview = deps.parser().parsePreview(JsonBody.parse(request, JSON), now());
        return HttpApiResponse.uncachedJson(200, views.rulePreview(preview.evaluate()));
    }

    private HttpApiResponse getLink(Caller caller, String slug) {
        Link link = deps.links().get(caller, slug);
        return linkResponse(200, link, deps.links().visitsUsed(link));
    }

    private HttpApiResponse updateLink(HttpApiRequest request, Caller caller, String slug) {
        Optional<Set<Long>> ifMatch = ifMatch(request).orElseThrow(() -> new ApiProblem(ProblemType.PRECONDITION_REQUIRED,
                "Edits need 'If-Match' with the ETag from GET /v1/links/" + LinkKeys.slugOf(slug) + " (or 'If-Match: *' to overwrite)."));
        ObjectNode body = JsonBody.parse(request, JSON_OR_MERGE_PATCH);
        LinkPatch patch = deps.parser().parsePatch(body, now());
        Link link = deps.links().update(caller, slug, ifMatch, patch);
        return linkResponse(200, link, deps.links().visitsUsed(link));
    }

    private HttpApiResponse deleteLink(HttpApiRequest request, Caller caller, String slug) {
        deps.links().delete(caller, slug, ifMatch(request).orElse(Optional.empty()));
        observability().count("LinkDeleted");
        return HttpApiResponse.noContent();
    }

    private HttpApiResponse listLinks(HttpApiRequest request, Caller caller) {
        PageRequest pageRequest = PageRequest.parse(request, Set.of("tag", "q"));
        String tag = request.queryParam("tag").filter(t -> !t.isBlank()).orElse(null);
        String search = request.queryParam("q").map(String::strip).filter(q -> !q.isEmpty()).orElse(null);
        if (search != null && search.length() > MAX_SEARCH) {
            throw ApiProblem.validation("query.q", "must be at most " + MAX_SEARCH + " characters");
        }
        Page<Link> page = deps.links().list(caller, tag, search, pageRequest);
        // A used-up link is "exhausted" in the list as on GET: one batch read for the page's links with a limit.
        return HttpApiResponse.uncachedJson(200, views.linkPage(page, now(), deps.links().visitsUsed(page.items())));
    }

    private HttpApiResponse createKey(HttpApiRequest request, Caller caller) {
        NewApiKey key = deps.keys().create(caller, KeyRequestParser.parse(JsonBody.parse(request, JSON), now()));
        Map<String, String> details = new TreeMap<>(Map.of("name", key.stored().name(), "role", key.stored().role().wireName()));
        if (key.stored().expiresAt() != null) {
            details.put("expiresAt", key.stored().expiresAt().toString());
        }
        deps.audit().record(caller, request, "key.created", key.stored().keyId(), details);
        return HttpApiResponse.uncachedJson(201, views.newKey(key)).withHeader("location", "/v1/keys/" + key.stored().keyId());
    }

    private HttpApiResponse listKeys(HttpApiRequest request, Caller caller) {
        return HttpApiResponse.uncachedJson(200, views.keys(deps.keys().list(caller, PageRequest.parse(request, Set.of()))));
    }

    private Caller caller(HttpApiRequest request, Role required) {
        Caller caller = deps.authenticator().authenticate(request, required);
        MDC.put("workspaceId", caller.workspaceId());
        MDC.put("keyId", caller.keyId());
        return caller;
    }

    private HttpApiResponse linkResponse(int status, Link link, OptionalLong visitsUsed) {
        return HttpApiResponse.uncachedJson(status, views.link(link, now(), visitsUsed)).withHeader("etag", "\"" + link.version() + "\"");
    }

    /**
     * The If-Match header: absent (empty), {@code *} (present, any version) or a list of ETags, compared
     * strongly (RFC 9110): a weak {@code W/"3"} is understood but matches no version.
     */
    private static Optional<Optional<Set<Long>>> ifMatch(HttpApiRequest request) {
        Optional<String> header = request.header("if-match").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (header.get().equals("*")) {
            return Optional.of(Optional.empty());
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.get().split(",")) {
            Matcher m = ETAG.matcher(tag.trim());
            if (!m.matches()) {
                throw ApiProblem.validation("If-Match", "must be * or ETags such as \"3\" (with the quotes), separated by commas");
            }
            if (m.group(1) == null) {
                versions.add(Long.parseLong(m.group(2)));
            }
        }
        return Optional.of(Optional.of(versions));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    private Instant now() {
        return deps.clock().instant();
    }
}
