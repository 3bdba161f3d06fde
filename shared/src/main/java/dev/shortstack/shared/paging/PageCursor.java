package dev.shortstack.shared.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The opaque listing cursor of every paged list (links, jobs, keys, the audit log, a webhook's
 * deliveries): the position of the last item returned, bound to the filter it was made for.
 * Positions are unique sort keys (creation millis + id, or an id that starts with the time), so a
 * page never repeats or skips an item, whatever was created or deleted between pages.
 */
public record PageCursor(String afterCreatedKey, String tag) {
    /** Creation millis and id (links, jobs, keys, the audit log), or a webhook delivery's id (which starts with its time). */
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile(
            "\\d{15}#[A-Za-z0-9_-]{1,200}|evt_[0-9a-z]{9}[0-9a-f]{16}(_r[0-9a-z]{1,13})?");

    public String encode() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("k", afterCreatedKey);
        if (tag != null) {
            node.put("t", tag);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String raw, String expectedTag) {
        PageCursor cursor;
        try {
            JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(raw));
            if (node == null || !node.path("k").isTextual() || !POSITION.matcher(node.path("k").textValue()).matches()) {
                throw new IllegalArgumentException("no position");
            }
            cursor = new PageCursor(node.get("k").textValue(), node.path("t").isTextual() ? node.get("t").textValue() : null);
        } catch (Exception e) {
            throw new ApiProblem(ProblemType.INVALID_CURSOR, "The cursor was not issued by this API; start again without it.");
        }
        if (!Objects.equals(cursor.tag(), expectedTag)) {
            throw new ApiProblem(ProblemType.INVALID_CURSOR, "The cursor belongs to a listing with a different tag filter.");
        }
        return cursor;
    }
}
