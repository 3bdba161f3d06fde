package dev.shortstack.links.links;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.links.request.FieldReader;
import dev.shortstack.shared.rules.AgentFamilies;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleConditions;
import dev.shortstack.shared.rules.SplitVariant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads a link's {@code rules} array, reporting every mistake against its own path
 * ({@code rules[2].when.country[0]}). The limits keep the link item, which the redirect reads whole,
 * small: at most {@value #MAX_RULES} rules, {@value #MAX_CONDITIONS} conditions a rule and
 * {@value #MAX_URLS} destination URLs a link.
 */
final class RuleRequestParser {
    static final int MAX_RULES = 10;
    static final int MAX_CONDITIONS = 8;
    static final int MAX_URLS = 20;
    static final int MAX_VALUES = 20;
    static final int MIN_VARIANTS = 2;
    static final int MAX_VARIANTS = 5;
    static final int MAX_QUERY_VALUE = 256;
    private static final Set<String> RULE_FIELDS = Set.of("when", "url", "split");
    private static final Set<String> CONDITION_FIELDS = Set.of("device", "os", "browser", "country", "language", "query", "from", "until");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})?");
    private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9_.~\\[\\]-]{1,64}");

    private final UrlPolicy urlPolicy;
    private final FieldReader fields;
    private final Instant now;
    private int urls;

    RuleRequestParser(UrlPolicy urlPolicy, FieldReader fields, Instant now) {
        this.urlPolicy = urlPolicy;
        this.fields = fields;
        this.now = now;
    }

    /** The rules of {@code node} (the body's {@code rules}); null when it has errors, which are in {@code fields}. */
    List<RedirectRule> parse(JsonNode node) {
        if (!node.isArray()) {
            return fields.reject("rules", "must be an array of rules such as [{\"when\": {\"device\": [\"mobile\"]}, \"url\": \"https://m.example\"}]");
        }
        if (node.size() > MAX_RULES) {
            return fields.reject("rules", "must have at most " + MAX_RULES + " rules");
        }
        List<RedirectRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            RedirectRule rule = rule("rules[" + i + "]", node.get(i));
            if (rule != null && rule.when().isAlways() && i < node.size() - 1) {
                fields.reject("rules[" + i + "].when", "is empty, so the rule applies to every visitor and the rules after it never would;"
                        + " give it conditions or make it the last rule");
            }
            rules.add(rule);
        }
        if (urls > MAX_URLS) {
            fields.reject("rules", "name " + urls + " destination URLs; at most " + MAX_URLS + " are allowed");
        }
        return fields.hasErrorFor("rules") ? null : List.copyOf(rules);
    }

    private RedirectRule rule(String path, JsonNode node) {
        if (!node.isObject()) {
            return fields.reject(path, "must be an object with \"url\" or \"split\", and \"when\"");
        }
        unknownFields(path, node, RULE_FIELDS);
        RuleConditions when = node.has("when") ? conditions(path + ".when", node.get("when")) : RuleConditions.ALWAYS;
        boolean hasUrl = node.hasNonNull("url");
        boolean hasSplit = node.hasNonNull("split");
        if (hasUrl == hasSplit) {
            return fields.reject(path, hasUrl ? "has both \"url\" and \"split\"; give one" : "needs a \"url\" or a \"split\"");
        }
        if (hasUrl) {
            String url = url(path + ".url", node.get("url"));
            return when == null || url == null ? null : RedirectRule.to(when, url);
        }
        List<SplitVariant> split = split(path + ".split", node.get("split"));
        return when == null || split == null ? null : RedirectRule.split(when, split);
    }

    private List<SplitVariant> split(String path, JsonNode node) {
        if (!node.isArray() || node.size() < MIN_VARIANTS || node.size() > MAX_VARIANTS) {
            return fields.reject(path, "must be an array of " + MIN_VARIANTS + " to " + MAX_VARIANTS
                    + " variants such as {\"url\": \"https://a.example\", \"weight\": 50}");
        }
        int errorsBefore = fields.errorCount();
        List<SplitVariant> variants = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < node.size(); i++) {
            String variantPath = path + "[" + i + "]";
            JsonNode variant = node.get(i);
            if (!variant.isObject()) {
                fields.reject(variantPath, "must be an object with \"url\" and \"weight\"");
                continue;
            }
            unknownFields(variantPath, variant, Set.of("url", "weight"));
            String url = variant.has("url") ? url(variantPath + ".url", variant.get("url")) : fields.reject(variantPath + ".url", "is required");
            JsonNode weight = variant.get("weight");
            if (weight == null || !weight.isIntegralNumber() || weight.asLong() < 1 || weight.asLong() > 99) {
                fields.reject(variantPath + ".weight", "must be a whole percentage from 1 to 99");
                continue;
            }
            total += weight.asInt();
            if (url != null) {
                variants.add(new SplitVariant(url, weight.asInt()));
            }
        }
        if (fields.errorCount() > errorsBefore) {
            return null;
        }
        if (total != 100) {
            return fields.reject(path, "weights must add up to 100 (these add up to " + total + ")");
        }
        return variants;
    }

    private RuleConditions conditions(String path, JsonNode node) {
        if (!node.isObject()) {
            return fields.reject(path, "must be an object of conditions such as {\"country\": [\"DE\", \"AT\"]}");
        }
        int errorsBefore = fields.errorCount();
        unknownFields(path, node, CONDITION_FIELDS);
        List<String> device = values(path, node, "device", AgentFamilies.DEVICES::contains, v -> v.toLowerCase(Locale.ROOT),
                "must be one of " + sorted(AgentFamilies.DEVICES));
        List<String> os = values(path, node, "os", AgentFamilies.OSES::contains, v -> v.toLowerCase(Locale.ROOT),
                "must be one of " + sorted(AgentFamilies.OSES));
        List<String> browser = values(path, node, "browser", AgentFamilies.BROWSERS::contains, v -> v.toLowerCase(Locale.ROOT),
                "must be one of " + sorted(AgentFamilies.BROWSERS));
        List<String> country = values(path, node, "country", COUNTRIES::contains, v -> v.toUpperCase(Locale.ROOT),
                "must be an ISO 3166-1 alpha-2 country code such as DE");
        List<String> language = values(path, node, "language", v -> LANGUAGE.matcher(v).matches(),
                v -> v.toLowerCase(Locale.ROOT).replace('_', '-'), "must be a language tag such as de or pt-BR");
        Map<String, String> query = query(path + ".query", node.get("query"));
        Instant from = instant(path + ".from", node.get("from"));
        Instant until = instant(path + ".until", node.get("until"));
        if (until != null && !until.isAfter(now)) {
            until = fields.reject(path + ".until", "is in the past, so the rule would never apply");
        } else if (from != null && until != null && !until.isAfter(from)) {
            until = fields.reject(path + ".until", "must be after from");
        }
        if (fields.errorCount() > errorsBefore) {
            return null;
        }
        RuleConditions conditions = new RuleConditions(device, os, browser, country, language, query, from, until);
        if (conditions.size() > MAX_CONDITIONS) {
            return fields.reject(path, "has " + conditions.size() + " conditions; at most " + MAX_CONDITIONS
                    + " are allowed (each query parameter counts as one)");
        }
        return conditions;
    }

    /** A list condition: 1 to {@value #MAX_VALUES} strings, each normalised and then checked. */
    private List<String> values(String path, JsonNode conditions, String name, Predicate<String> allowed,
                                UnaryOperator<String> normalise, String reason) {
        JsonNode node = conditions.get(name);
        if (node == null) {
            return List.of();
        }
        String field = path + "." + name;
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_VALUES) {
            return fields.reject(field, "must be an array of 1 to " + MAX_VALUES + " strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            String normalised = value.isTextual() ? normalise.apply(value.asText().strip()) : null;
            if (normalised == null || !allowed.test(normalised)) {
                fields.reject(field + "[" + i + "]", reason);
            } else {
                values.add(normalised);
            }
        }
        return List.copyOf(values);
    }

    private Map<String, String> query(String path, JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject() || node.isEmpty()) {
            return fields.reject(path, "must be an object of parameter names and the values they must have, such as {\"ref\": \"newsletter\"}");
        }
        Map<String, String> query = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            String field = path + "." + entry.getKey();
            JsonNode value = entry.getValue();
            if (!QUERY_NAME.matcher(entry.getKey()).matches()) {
                fields.reject(field, "is not a query parameter name (1 to 64 letters, digits or _ . ~ [ ] -)");
            } else if (!value.isTextual() || value.asText().length() > MAX_QUERY_VALUE) {
                fields.reject(field, "must be a string of at most " + MAX_QUERY_VALUE + " characters");
            } else {
                query.put(entry.getKey(), value.asText());
            }
        });
        return query;
    }

    private Instant instant(String path, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            return fields.reject(path, "must be a string");
        }
        return FieldReader.parseDateTime(node.asText()).orElseGet(() -> fields.reject(path, FieldReader.DATE_TIME));
    }

    private String url(String path, JsonNode node) {
        urls++;
        if (!node.isTextual()) {
            return fields.reject(path, "must be a string");
        }
        String url = UrlNormaliser.normalise(node.asText());
        return urlPolicy.violation(url).<String>map(reason -> fields.reject(path, reason)).orElse(url);
    }

    private void unknownFields(String path, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                fields.reject(path + "." + name, "is not a known field; use " + sorted(known));
            }
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }
}
