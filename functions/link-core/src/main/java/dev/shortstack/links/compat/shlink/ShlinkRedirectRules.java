package dev.shortstack.links.compat.shlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shlink's redirect rules ({@code {longUrl, conditions: [{type, matchKey, matchValue}]}}, in priority
 * order, every condition of a rule must hold) as Shortstack's targeting rules, both ways. Shlink's
 * device types are Shortstack's OS or device families; {@code before-date}/{@code after-date} its time
 * window. What Shortstack cannot match (IP addresses, cities, "any value" query parameters, the
 * Android stock browser) is refused by name. Read back, a rule whose condition names several values
 * (any of them) becomes as many Shlink rules in a row, which first-match order makes the same; an
 * A/B split has no Shlink form and is refused rather than shown as something else.
 */
final class ShlinkRedirectRules {
    private static final Set<String> OSES = Set.of("android", "ios", "windows", "macos", "linux", "chromeos");
    private static final Set<String> DEVICES = Set.of("mobile", "desktop");
    private static final Set<String> BROWSERS = Set.of("chrome", "firefox", "edge", "safari", "opera");

    private ShlinkRedirectRules() {
    }

    /** Shlink's {@code redirectRules} as Shortstack's {@code rules} request array, for the link parser to validate. */
    static ArrayNode toOwn(JsonNode body) {
        JsonNode rules = body.get("redirectRules");
        if (rules == null || !rules.isArray()) {
            throw ShlinkProblem.invalid("redirectRules", "must be an array of {longUrl, conditions}");
        }
        ArrayNode own = Json.mapper().createArrayNode();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            ObjectNode converted = own.addObject();
            converted.set("url", rule.path("longUrl"));
            ObjectNode when = converted.putObject("when");
            JsonNode conditions = rule.path("conditions");
            if (!conditions.isArray() || conditions.isEmpty()) {
                throw ShlinkProblem.invalid("redirectRules[" + i + "].conditions", "must list at least one condition");
            }
            for (JsonNode condition : conditions) {
                add(when, condition, "redirectRules[" + i + "]");
            }
        }
        return own;
    }

    private static void add(ObjectNode when, JsonNode condition, String rule) {
        String type = condition.path("type").asText("");
        String key = condition.path("matchKey").isTextual() ? condition.path("matchKey").asText() : null;
        String value = condition.path("matchValue").asText("");
        switch (type) {
            case "device" -> {
                if (OSES.contains(value)) {
                    single(when, "os", value, rule);
                } else if (DEVICES.contains(value)) {
                    single(when, "device", value, rule);
                } else {
                    throw ShlinkProblem.invalid(rule, "device '" + value + "' is not one of android, ios, mobile, windows, macos, linux,"
                            + " chromeos, desktop");
                }
            }
            case "browser" -> {
                if (!BROWSERS.contains(value)) {
                    throw ShlinkProblem.invalid(rule, "browser '" + value + "' is not one Shortstack can tell apart"
                            + " (chrome, firefox, edge, safari, opera)");
                }
                single(when, "browser", value, rule);
            }
            case "language" -> single(when, "language", value, rule);
            case "geolocation-country-code" -> single(when, "country", value, rule);
            case "query-param" -> {
                if (key == null || key.isEmpty()) {
                    throw ShlinkProblem.invalid(rule, "a query-param condition needs its matchKey");
                }
                ObjectNode query = when.has("query") ? (ObjectNode) when.get("query") : when.putObject("query");
                query.put(key, value);
            }
            case "after-date" -> when.put("from", value);
            case "before-date" -> when.put("until", value);
            default -> throw ShlinkProblem.invalid(rule, "condition type '" + type + "' is not one Shortstack can match"
                    + " (device, browser, language, geolocation-country-code, query-param, after-date, before-date)");
        }
    }

    /** Shlink joins a rule's conditions with AND: two of one kind could never both hold, and Shortstack would read them as OR. */
    private static void single(ObjectNode when, String condition, String value, String rule) {
        if (when.has(condition)) {
            throw ShlinkProblem.invalid(rule, "has two " + condition + " conditions; a visitor can only meet one");
        }
        when.putArray(condition).add(value);
    }

    /** The link's rules in Shlink's shape. */
    static ObjectNode of(Link link) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("defaultLongUrl", link.url());
        ArrayNode list = body.putArray("redirectRules");
        int priority = 1;
        for (RedirectRule rule : link.rules()) {
            if (rule.isSplit() || rule.when().isAlways()) {
                throw new ShlinkProblem(409, "urn:shortstack:problem:rules-not-expressible", "Rules Shlink cannot express",
                        "The short URL '" + link.slug() + "' has " + (rule.isSplit() ? "an A/B split" : "a rule without conditions")
                                + ", which Shlink's redirect rules have no form for; read its rules with GET /v1/links/" + link.slug() + ".");
            }
            for (List<String[]> conditions : alternatives(rule.when())) {
                ObjectNode shlink = list.addObject();
                shlink.put("longUrl", rule.url());
                shlink.put("priority", priority++);
                ArrayNode out = shlink.putArray("conditions");
                conditions.forEach(c -> out.addObject().put("type", c[0]).put("matchKey", c[1]).put("matchValue", c[2]));
            }
        }
        return body;
    }

    /** Every combination of one value per list condition, each with the rule's other conditions: {type, matchKey, matchValue}. */
    private static List<List<String[]>> alternatives(RuleConditions when) {
        List<List<String[]>> combinations = new ArrayList<>();
        combinations.add(new ArrayList<>());
        // Shlink's condition type of each of Shortstack's lists: its device type covers both device and OS.
        List<Map.Entry<String, List<String>>> lists = List.of(Map.entry("device", when.device()), Map.entry("device", when.os()),
                Map.entry("browser", when.browser()), Map.entry("geolocation-country-code", when.country()),
                Map.entry("language", when.language()));
        for (Map.Entry<String, List<String>> list : lists) {
            List<String> values = list.getValue();
            if (values.isEmpty()) {
                continue;
            }
            String type = list.getKey();
            List<List<String[]>> widened = new ArrayList<>();
            for (List<String[]> combination : combinations) {
                for (String value : values) {
                    List<String[]> next = new ArrayList<>(combination);
                    next.add(new String[] {type, null, value});
                    widened.add(next);
                }
            }
            combinations = widened;
        }
        for (List<String[]> combination : combinations) {
            when.query().forEach((key, value) -> combination.add(new String[] {"query-param", key, value}));
            if (when.from() != null) {
                combination.add(new String[] {"after-date", null, when.from().toString()});
            }
            if (when.until() != null) {
                combination.add(new String[] {"before-date", null, when.until().toString()});
            }
        }
        return combinations;
    }
}
