package dev.shortstack.redirect.service;

import java.time.Instant;

/** The facts about one visit that analytics keeps (the IP only until it is hashed). */
public record Visit(
        String method,
        Instant at,
        String userAgent,
        String referrer,
        String acceptLanguage,
        String country,
        String clientIp) {

    public boolean countsTowardsLimit() {
        return method.equals("GET");
    }
}
