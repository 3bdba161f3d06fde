package dev.shortstack.shared.infra;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What browsers on other origins may do with the API: the one definition behind the HTTP API's CORS
 * configuration (CDK) and the local runner's emulation of it. Which origins may is configured per
 * stage ({@code api.corsOrigins} in stages.json, {@code --cors-origin} locally); none by default.
 */
public final class ApiCors {
    public static final List<String> ALLOW_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    public static final List<String> ALLOW_HEADERS = List.of("authorization", "content-type", "if-match", "x-api-key");
    /** Response headers a script may read: the version for If-Match, a created link, when to retry. */
    public static final List<String> EXPOSE_HEADERS = List.of("etag", "location", "retry-after");
    public static final int MAX_AGE_SECONDS = 600;

    private ApiCors() {
    }

    /**
     * @return why {@code origin} cannot be an allowed origin, or empty: it must be a scheme, a host and an
     *         optional port ({@code https://app.example.com}), nothing more; {@code *} is refused, as every
     *         website would then be let in
     */
    public static Optional<String> originViolation(String origin) {
        if (origin == null || origin.isBlank()) {
            return Optional.of("an origin must not be empty");
        }
        if (origin.equals("*")) {
            return Optional.of("'*' would let every website call the API; list the origins instead");
        }
        try {
            URI uri = new URI(origin);
            boolean webScheme = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!webScheme || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.of("'" + origin + "' is not an origin such as https://app.example.com (scheme, host, optional port)");
            }
        } catch (Exception e) {
            return Optional.of("'" + origin + "' is not an origin such as https://app.example.com (scheme, host, optional port)");
        }
        return Optional.empty();
    }
}
