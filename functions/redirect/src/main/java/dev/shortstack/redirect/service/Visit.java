package dev.shortstack.redirect.service;

import dev.shortstack.shared.rules.RuleVisitor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The facts about one visit that analytics keeps (the IP only until it is hashed), and its query: decoded for
 * targeting rules, as sent ({@code rawQuery}, "" when none) for forwarding.
 */
public record Visit(
        String method,
        Instant at,
        String userAgent,
        String referrer,
        String acceptLanguage,
        String country,
        String clientIp,
        Map<String, List<String>> query,
        String rawQuery) {

    /** A visit without a query string. */
    public Visit(String method, Instant at, String userAgent, String referrer, String acceptLanguage, String country, String clientIp) {
        this(method, at, userAgent, referrer, acceptLanguage, country, clientIp, Map.of(), "");
    }

    public boolean countsTowardsLimit() {
        return method.equals("GET");
    }

    RuleVisitor forRules(String visitorHash) {
        return new RuleVisitor(userAgent, country, acceptLanguage, query, at, visitorHash);
    }
}
