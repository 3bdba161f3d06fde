package dev.shortstack.shared.rules;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A visitor as targeting rules see them. The user agent and Accept-Language are only read when a rule
 * asks about them, and then once. Not thread-safe: one per visit.
 *
 * @param country      ISO 3166-1 alpha-2 (upper case), null when unknown
 * @param visitorHash  the daily visitor hash: the same person gets the same split variant all day
 */
public final class RuleVisitor {
    private final String userAgent;
    private final String country;
    private final String acceptLanguage;
    private String language;
    private boolean languageRead;
    private final Map<String, List<String>> query;
    private final Instant at;
    private final String visitorHash;
    private AgentFamilies agent;

    public RuleVisitor(String userAgent, String country, String acceptLanguage, Map<String, List<String>> query, Instant at,
                       String visitorHash) {
        this.userAgent = userAgent;
        this.country = country;
        this.acceptLanguage = acceptLanguage;
        this.query = query == null ? Map.of() : query;
        this.at = at;
        this.visitorHash = visitorHash;
    }

    public String country() {
        return country;
    }

    public Instant at() {
        return at;
    }

    public String visitorHash() {
        return visitorHash;
    }

    public List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** {@code de} matches a visitor who prefers de or de-AT; {@code de-at} only de-AT. */
    public boolean prefersLanguage(String tag) {
        if (!languageRead) {
            language = preferredLanguage(acceptLanguage);
            languageRead = true;
        }
        return language != null && (language.equals(tag) || language.startsWith(tag) && language.charAt(tag.length()) == '-');
    }

    public AgentFamilies agent() {
        if (agent == null) {
            agent = AgentFamilies.of(userAgent);
        }
        return agent;
    }

    /** The Accept-Language tag with the highest weight (the first of equals), lower case; null when none. */
    static String preferredLanguage(String acceptLanguage) {
        if (acceptLanguage == null) {
            return null;
        }
        String best = null;
        double bestWeight = 0;
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT).replace('_', '-');
            double weight = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (!tag.isEmpty() && !tag.equals("*") && weight > bestWeight) {
                best = tag;
                bestWeight = weight;
            }
        }
        return best;
    }
}
