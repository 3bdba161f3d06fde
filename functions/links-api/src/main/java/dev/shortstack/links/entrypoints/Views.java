package dev.shortstack.links.entrypoints;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.ApiKey;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobKind;
import dev.shortstack.links.jobs.PresignedUrl;
import dev.shortstack.links.keys.NewApiKey;
import dev.shortstack.links.audit.AuditEntry;
import dev.shortstack.links.links.LinkView;
import dev.shortstack.links.webhooks.NewWebhookEndpoint;
import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.shortstack.links.links.RulePreview;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.ShortUrls;
import dev.shortstack.links.domains.DomainInfo;
import dev.shortstack.shared.rules.RuleJson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/** The JSON shapes the API answers with. */
final class Views {
    private final String shortBaseUrl;
    private final LinkView linkView;

    Views(String shortBaseUrl) {
        this.shortBaseUrl = shortBaseUrl;
        this.linkView = new LinkView(shortBaseUrl);
    }

    /** The key a request was made with: what the dashboard may offer it. */
    ObjectNode session(Caller caller) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("keyId", caller.keyId());
        node.put("workspaceId", caller.workspaceId());
        node.put("role", caller.role().name().toLowerCase(Locale.ROOT));
        return node;
    }

    /** Which rule a visitor meets (1-based; null: the link's own URL), where it sends them, and how their agent was read. */
    ObjectNode rulePreview(RulePreview.Result result) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (result.matched() == null) {
            node.putNull("rule");
            node.putNull("url");
        } else {
            node.put("rule", result.rule() + 1);
            node.set("then", RuleJson.write(List.of(result.matched())).get(0));
            node.put("url", result.matched().url());
        }
        node.putObject("agent").put("device", result.agent().device()).put("os", result.agent().os())
                .put("browser", result.agent().browser());
        return node;
    }

    ObjectNode link(Link link, Instant now, OptionalLong visitsUsed) {
        return linkView.of(link, now, visitsUsed);
    }

    /** @param visitsUsed visits used by the page's links that have a limit, by link id */
    ObjectNode linkPage(Page<Link> page, Instant now, Map<String, Long> visitsUsed) {
        return page(page, link -> link(link, now, visitsUsed.containsKey(link.linkId())
                ? OptionalLong.of(visitsUsed.get(link.linkId())) : OptionalLong.empty()));
    }

    /** Every list's shape: {@code {items, nextCursor}}. */
    <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> view) {
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode items = node.putArray("items");
        page.items().forEach(item -> items.add(view.apply(item)));
        node.put("nextCursor", page.nextCursor());
        return node;
    }

    ObjectNode key(ApiKey key) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", key.keyId());
        node.put("name", key.name());
        node.put("role", key.role().wireName());
        node.put("createdAt", key.createdAt().toString());
        node.put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
        node.put("expiresAt", text(key.expiresAt()));
        node.put("lastUsedAt", text(key.lastUsedAt()));
        return node;
    }

    ObjectNode newKey(NewApiKey key) {
        ObjectNode node = key(key.stored());
        node.put("key", key.plaintext());
        node.put("workspaceId", key.stored().workspaceId());
        return node;
    }

    /**
     * A job with its progress. Download URLs are presigned anew on every read; the upload URL is
     * shown only in the answer that created the job.
     */
    ObjectNode job(Job job, Instant now, Optional<PresignedUrl> upload, Optional<PresignedUrl> errorReport,
                   Optional<PresignedUrl> result) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", job.jobId());
        node.put("kind", job.kind().wireName());
        node.put("status", job.status().wireName());
        node.put("format", job.format());
        if (job.onInvalidSlug() != null) {
            node.put("onInvalidSlug", job.onInvalidSlug().wireName());
        }
        if (job.exportType() != null) {
            node.put("type", job.exportType());
            node.put("from", job.from() == null ? null : job.from().toString());
            node.put("to", job.to() == null ? null : job.to().toString());
        }
        node.put("createdAt", job.createdAt().toString());
        node.put("startedAt", job.startedAt() == null ? null : job.startedAt().toString());
        node.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        ObjectNode progress = node.putObject("progress");
        if (job.kind() == JobKind.IMPORT) {
            progress.put("rowsTotal", job.rowsTotal());
            progress.put("rowsDone", job.rowsDone());
            progress.put("rowsSucceeded", job.rowsSucceeded());
            progress.put("rowsFailed", job.rowsFailed());
            progress.put("rowsRenamed", job.rowsRenamed());
            progress.put("chunksTotal", job.chunksTotal());
            progress.put("chunksDone", job.chunksDone());
        } else {
            progress.put("rowsWritten", job.rowsSucceeded());
        }
        putOptional(progress, "percent", job.percent());
        OptionalDouble rate = job.rowsPerSecond(now);
        if (rate.isPresent()) {
            progress.put("rowsPerSecond", Math.round(rate.getAsDouble() * 10) / 10.0);
        } else {
            progress.putNull("rowsPerSecond");
        }
        OptionalLong eta = job.etaSeconds(now);
        if (eta.isPresent()) {
            progress.put("etaSeconds", eta.getAsLong());
        } else {
            progress.putNull("etaSeconds");
        }
        ArrayNode warnings = node.putArray("warnings");
        job.warnings().forEach(warnings::add);
        node.put("error", job.error());
        upload.ifPresent(url -> node.set("upload", presigned(url)));
        errorReport.ifPresent(url -> node.set("errorReport", presigned(url).put("rows", job.rowsFailed())));
        result.ifPresent(url -> node.set("result", presigned(url).put("rows", job.rowsSucceeded()).put("bytes", job.resultBytes())));
        return node;
    }

    private static ObjectNode presigned(PresignedUrl url) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("url", url.url());
        node.put("method", url.method());
        ObjectNode headers = node.putObject("headers");
        url.headers().forEach(headers::put);
        node.put("expiresAt", url.expiresAt().toString());
        return node;
    }

    private static void putOptional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    ObjectNode keys(Page<ApiKey> keys) {
        return page(keys, this::key);
    }

    /** An endpoint without its secret (a hint of it tells secrets apart). */
    /** A short domain as the workspace sees it; the root and not-found pages only for its owner. */
    ObjectNode domain(DomainInfo domain) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("domain", domain.host());
        node.put("shortBaseUrl", ShortUrls.base(shortBaseUrl, domain.stageDefault() ? null : domain.host()));
        node.put("stageDefault", domain.stageDefault());
        node.put("default", domain.workspaceDefault());
        node.put("owned", domain.owned());
        if (domain.settings() == null) {
            node.putNull("rootUrl");
            node.putNull("notFoundUrl");
        } else {
            node.put("rootUrl", domain.settings().rootUrl());
            node.put("notFoundUrl", domain.settings().notFoundUrl());
        }
        return node;
    }

    ObjectNode webhook(WebhookEndpoint endpoint) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", endpoint.endpointId());
        node.put("url", endpoint.url());
        ArrayNode events = node.putArray("events");
        endpoint.events().stream().map(WebhookEventType::wireName).sorted().forEach(events::add);
        node.put("description", endpoint.description());
        node.put("status", endpoint.status().wireName());
        node.put("failingSince", text(endpoint.failingSince()));
        node.put("disabledAt", text(endpoint.disabledAt()));
        node.put("disabledReason", endpoint.disabledReason());
        node.put("secretHint", WebhookSigner.hint(endpoint.secret()));
        node.put("previousSecretExpiresAt", text(endpoint.previousSecretExpiresAt()));
        node.put("createdAt", endpoint.createdAt().toString());
        node.put("updatedAt", endpoint.updatedAt().toString());
        return node;
    }

    /** The only answers with the secret: creation and rotation. */
    ObjectNode newWebhook(NewWebhookEndpoint created) {
        ObjectNode node = webhook(created.endpoint());
        node.put("secret", created.secret());
        return node;
    }

    ObjectNode delivery(WebhookDelivery delivery) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", delivery.deliveryId());
        node.put("eventId", delivery.eventId());
        node.put("eventType", delivery.eventType().wireName());
        node.put("status", delivery.status().wireName());
        node.put("attempts", delivery.attempts());
        node.put("nextAttemptAt", delivery.status() == DeliveryStatus.PENDING ? text(delivery.nextAttemptAt()) : null);
        node.put("redeliveryOf", delivery.redeliveryOf());
        node.put("createdAt", delivery.createdAt().toString());
        ArrayNode log = node.putArray("attemptLog");
        for (DeliveryAttempt attempt : delivery.attemptLog()) {
            ObjectNode entry = log.addObject();
            entry.put("at", attempt.at().toString());
            if (attempt.statusCode() == null) {
                entry.putNull("statusCode");
            } else {
                entry.put("statusCode", attempt.statusCode());
            }
            entry.put("latencyMs", attempt.latencyMs());
            entry.put("error", attempt.error());
        }
        node.set("lastAttempt", log.isEmpty() ? null : log.get(log.size() - 1));
        try {
            node.set("payload", Json.mapper().readTree(delivery.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node;
    }

    /** An audit entry: who (key), what (action, target, details), when, from where. */
    ObjectNode auditEntry(AuditEntry entry) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("at", entry.at().toString());
        node.put("keyId", entry.keyId());
        node.put("action", entry.action());
        node.put("target", entry.target());
        ObjectNode details = node.putObject("details");
        new java.util.TreeMap<>(entry.details()).forEach(details::put);
        node.put("client", entry.client());
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
