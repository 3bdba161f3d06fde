package dev.shortstack.shared.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a visitor must be for a rule to apply. Every condition given must hold; within one, any of
 * its values may match. Values are lower case, countries upper case (ISO 3166-1 alpha-2).
 *
 * @param device   {@code mobile}, {@code tablet} or {@code desktop}
 * @param os       {@code ios}, {@code android}, {@code windows}, {@code macos}, {@code linux}, {@code chromeos}
 * @param browser  {@code chrome}, {@code safari}, {@code firefox}, {@code edge}, {@code opera}, {@code samsung}
 * @param language the visitor's preferred language: {@code de} matches de and de-AT, {@code de-at} only de-AT
 * @param query    query parameters the visit must carry with exactly these values
 * @param from     the first instant the rule applies (inclusive), null for always
 * @param until    the instant it stops applying (exclusive), null for never
 */
public record RuleConditions(
        List<String> device,
        List<String> os,
        List<String> browser,
        List<String> country,
        List<String> language,
        Map<String, String> query,
        Instant from,
        Instant until) {

    public static final RuleConditions ALWAYS = new RuleConditions(null, null, null, null, null, null, null, null);

    public RuleConditions {
        device = copy(device);
        os = copy(os);
        browser = copy(browser);
        country = copy(country);
        language = copy(language);
        query = query == null ? Map.of() : Map.copyOf(new TreeMap<>(query));
    }

    /** How many conditions this is, each query parameter counting as one. */
    public int size() {
        return nonEmpty(device) + nonEmpty(os) + nonEmpty(browser) + nonEmpty(country) + nonEmpty(language) + query.size()
                + (from != null || until != null ? 1 : 0);
    }

    public boolean isAlways() {
        return size() == 0;
    }

    public boolean matches(RuleVisitor visitor) {
        if (from != null && visitor.at().isBefore(from) || until != null && !visitor.at().isBefore(until)) {
            return false;
        }
        // List.copyOf's lists throw on contains(null): an unknown country is checked first.
        if (!country.isEmpty() && (visitor.country() == null || !country.contains(visitor.country()))) {
            return false;
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (!visitor.queryValues(parameter.getKey()).contains(parameter.getValue())) {
                return false;
            }
        }
        if (!language.isEmpty() && !anyPreferred(language, visitor)) {
            return false;
        }
        if (device.isEmpty() && os.isEmpty() && browser.isEmpty()) {
            return true;
        }
        AgentFamilies agent = visitor.agent();
        return (device.isEmpty() || device.contains(agent.device()))
                && (os.isEmpty() || os.contains(agent.os()))
                && (browser.isEmpty() || browser.contains(agent.browser()));
    }

    private static boolean anyPreferred(List<String> languages, RuleVisitor visitor) {
        for (String language : languages) {
            if (visitor.prefersLanguage(language)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static int nonEmpty(List<String> values) {
        return values.isEmpty() ? 0 : 1;
    }
}
