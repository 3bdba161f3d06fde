package dev.shortstack.links.compat.dub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleConditions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dub's device and country targeting ({@code ios}, {@code android}, {@code geo: {"DE": url}}) as
 * Shortstack rules, in the order Dub checks them: iOS, then Android, then the visitor's country.
 * Read back only from rules of exactly those shapes; other rules show as none (they are /v1's).
 */
final class DubTargeting {
    private DubTargeting() {
    }

    /** The rules a Dub create body's targeting fields ask for, in Shortstack's request shape (validated by the link parser). */
    static ArrayNode rules(JsonNode ios, JsonNode android, JsonNode geo) {
        ArrayNode rules = Json.mapper().createArrayNode();
        if (ios != null && !ios.isNull()) {
            rule(rules, "os", "ios", ios);
        }
        if (android != null && !android.isNull()) {
            rule(rules, "os", "android", android);
        }
        if (geo != null && geo.isObject()) {
            geo.properties().forEach(entry -> rule(rules, "country", entry.getKey(), entry.getValue()));
        } else if (geo != null && !geo.isNull()) {
            // Not an object: handed on as it is, so the parser names the mistake.
            rules.addObject().set("url", geo);
        }
        return rules;
    }

    private static void rule(ArrayNode rules, String condition, String value, JsonNode url) {
        ObjectNode rule = rules.addObject();
        rule.putObject("when").putArray(condition).add(value);
        rule.set("url", url);
    }

    /** ios, android and geo as Dub shows them, when the rules are Dub's kind; all null otherwise. */
    static void write(ObjectNode node, List<RedirectRule> rules) {
        String ios = null;
        String android = null;
        Map<String, String> geo = new LinkedHashMap<>();
        for (RedirectRule rule : rules) {
            RuleConditions when = rule.when();
            if (rule.isSplit() || when.size() != 1) {
                ios = android = null;
                geo.clear();
                node.putNull("ios").putNull("android").putNull("geo");
                return;
            }
            if (when.os().equals(List.of("ios")) && ios == null) {
                ios = rule.url();
            } else if (when.os().equals(List.of("android")) && android == null) {
                android = rule.url();
            } else if (when.country().size() == 1) {
                geo.putIfAbsent(when.country().get(0), rule.url());
            } else {
                node.putNull("ios").putNull("android").putNull("geo");
                return;
            }
        }
        node.put("ios", ios);
        node.put("android", android);
        if (geo.isEmpty()) {
            node.putNull("geo");
        } else {
            ObjectNode countries = node.putObject("geo");
            geo.forEach(countries::put);
        }
    }
}
