package dev.shortstack.shared.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules as JSON: the API's shape, and what the links table stores (one string attribute, read with
 * the link in the redirect's single GetItem). Reading trusts its input: it is what {@link #write} wrote
 * after the API validated it.
 */
public final class RuleJson {
    private static final List<String> LISTS = List.of("device", "os", "browser", "country", "language");

    private RuleJson() {
    }

    public static ArrayNode write(List<RedirectRule> rules) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (RedirectRule rule : rules) {
            ObjectNode node = array.addObject();
            if (!rule.when().isAlways()) {
                node.set("when", write(rule.when()));
            }
            if (rule.isSplit()) {
                ArrayNode split = node.putArray("split");
                rule.split().forEach(v -> split.addObject().put("url", v.url()).put("weight", v.weight()));
            } else {
                node.put("url", rule.url());
            }
        }
        return array;
    }

    private static ObjectNode write(RuleConditions when) {
        ObjectNode node = Json.mapper().createObjectNode();
        List<List<String>> lists = List.of(when.device(), when.os(), when.browser(), when.country(), when.language());
        for (int i = 0; i < LISTS.size(); i++) {
            if (!lists.get(i).isEmpty()) {
                lists.get(i).forEach(node.putArray(LISTS.get(i))::add);
            }
        }
        if (!when.query().isEmpty()) {
            ObjectNode query = node.putObject("query");
            when.query().forEach(query::put);
        }
        if (when.from() != null) {
            node.put("from", when.from().toString());
        }
        if (when.until() != null) {
            node.put("until", when.until().toString());
        }
        return node;
    }

    public static List<RedirectRule> read(JsonNode array) {
        List<RedirectRule> rules = new ArrayList<>();
        for (JsonNode node : array) {
            RuleConditions when = node.has("when") ? readConditions(node.get("when")) : RuleConditions.ALWAYS;
            if (node.has("split")) {
                List<SplitVariant> split = new ArrayList<>();
                node.get("split").forEach(v -> split.add(new SplitVariant(v.get("url").asText(), v.get("weight").asInt())));
                rules.add(RedirectRule.split(when, split));
            } else {
                rules.add(RedirectRule.to(when, node.get("url").asText()));
            }
        }
        return List.copyOf(rules);
    }

    private static RuleConditions readConditions(JsonNode node) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String name : LISTS) {
            List<String> values = new ArrayList<>();
            if (node.has(name)) {
                node.get(name).forEach(v -> values.add(v.asText()));
            }
            lists.put(name, values);
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (node.has("query")) {
            node.get("query").properties().forEach(e -> query.put(e.getKey(), e.getValue().asText()));
        }
        return new RuleConditions(lists.get("device"), lists.get("os"), lists.get("browser"), lists.get("country"),
                lists.get("language"), query,
                node.has("from") ? Instant.parse(node.get("from").asText()) : null,
                node.has("until") ? Instant.parse(node.get("until").asText()) : null);
    }
}
