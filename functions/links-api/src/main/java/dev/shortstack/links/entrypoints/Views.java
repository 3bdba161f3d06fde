package dev.shortstack.links.entrypoints;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.ApiKey;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobKind;
import dev.shortstack.links.jobs.PresignedUrl;
import dev.shortstack.links.keys.NewApiKey;
import dev.shortstack.links.links.RulePreview;
import dev.shortstack.links.links.UtmParameters;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkState;
import dev.shortstack.shared.rules.RuleJson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The JSON shapes the API answers with. */
final class Views {
    private final String shortBaseUrl;

    Views(String shortBaseUrl) {
        this.shortBaseUrl = shortBaseUrl.endsWith("/") ? shortBaseUrl.substring(0, shortBaseUrl.length() - 1) : shortBaseUrl;
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
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("slug", link.slug());
        node.put("shortUrl", shortBaseUrl + "/" + link.slug());
        node.put("url", link.url());
        node.put("title", link.title());
        node.put("description", link.description());
        node.put("fallbackUrl", link.fallbackUrl());
        ObjectNode utm = node.putObject("utm");
        Map<String, String> inUrl = UtmParameters.read(link.url());
        UtmParameters.FIELDS.forEach(field -> utm.put(field, inUrl.get(field)));
        node.put("redirectType", link.redirectType());
        boolean exhausted = link.maxVisits() != null && visitsUsed.isPresent() && visitsUsed.getAsLong() >= link.maxVisits();
        node.put("state", exhausted && link.stateAt(now) == LinkState.ACTIVE ? "exhausted" : link.stateAt(now).name().toLowerCase(Locale.ROOT));
        node.put("disabled", link.disabled());
        node.put("expiresAt", link.expiresAt() == null ? null : link.expiresAt().toString());
        if (link.maxVisits() == null) {
            node.putNull("maxVisits");
        } else {
            node.put("maxVisits", link.maxVisits());
        }
        visitsUsed.ifPresent(used -> node.put("visits", used));
        ArrayNode tags = node.putArray("tags");
        link.tags().forEach(tags::add);
        node.set("rules", RuleJson.write(link.rules()));
        node.put("forwardQuery", link.forwardQuery());
        node.put("passwordProtected", link.isPasswordProtected());
        if (link.preview() == null) {
            node.putNull("preview");
        } else {
            node.putObject("preview").put("title", link.preview().title()).put("description", link.preview().description())
                    .put("image", link.preview().image());
        }
        node.put("createdAt", link.createdAt().toString());
        node.put("updatedAt", link.updatedAt().toString());
        node.put("version", link.version());
        return node;
    }

    /** @param visitsUsed visits used by the page's links that have a limit, by link id */
    ObjectNode linkPage(Page<Link> page, Instant now, Map<String, Long> visitsUsed) {
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode items = node.putArray("items");
        page.items().forEach(link -> items.add(link(link, now, visitsUsed.containsKey(link.linkId())
                ? OptionalLong.of(visitsUsed.get(link.linkId())) : OptionalLong.empty())));
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
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode items = node.putArray("items");
        keys.items().forEach(key -> items.add(key(key)));
        node.put("nextCursor", keys.nextCursor());
        return node;
    }
}
