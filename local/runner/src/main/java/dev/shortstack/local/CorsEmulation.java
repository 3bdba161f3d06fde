package dev.shortstack.local;

import dev.shortstack.shared.infra.ApiCors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the HTTP API does for CORS once origins are configured (the CDK app's {@code corsPreflight},
 * from the same {@link ApiCors} definition): it answers preflights itself, and adds the allow-origin
 * and expose headers to every answer for an allowed origin. No origins, no CORS: preflights reach
 * the route like any request.
 */
final class CorsEmulation {
    private final Set<String> origins;

    CorsEmulation(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    private boolean allows(Optional<String> origin) {
        return origin.isPresent() && origins.contains(origin.get());
    }

    /** A preflight: {@code OPTIONS} with {@code Access-Control-Request-Method}. */
    boolean isPreflight(String method, Optional<String> requestedMethod) {
        return enabled() && method.equals("OPTIONS") && requestedMethod.isPresent();
    }

    /** The preflight's answer headers: the rules for an allowed origin, nothing for another. */
    Map<String, String> preflight(Optional<String> origin) {
        if (!allows(origin)) {
            return Map.of();
        }
        return Map.of(
                "access-control-allow-origin", origin.get(),
                "access-control-allow-methods", String.join(",", ApiCors.ALLOW_METHODS),
                "access-control-allow-headers", String.join(",", ApiCors.ALLOW_HEADERS),
                "access-control-max-age", Integer.toString(ApiCors.MAX_AGE_SECONDS),
                "vary", "origin");
    }

    /** Added to an ordinary answer. */
    Map<String, String> response(Optional<String> origin) {
        if (!allows(origin)) {
            return Map.of();
        }
        return Map.of(
                "access-control-allow-origin", origin.get(),
                "access-control-expose-headers", String.join(",", ApiCors.EXPOSE_HEADERS),
                "vary", "origin");
    }
}
