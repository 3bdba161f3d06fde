package dev.shortstack.redirect.entrypoints;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.http.Problems;
import java.util.List;
import java.util.Map;

/**
 * The password form of a protected link, and its answers: plain HTML that works without JavaScript
 * (the form posts to {@code /unlock/{slug}}, carrying the visit's query on), never cached, never
 * indexed. API clients get problems instead.
 */
final class PasswordPages {
    static final String UNLOCK_PREFIX = "/unlock/";
    private static final Map<String, String> HEADERS = Map.of(
            "content-type", "text/html; charset=utf-8",
            "cache-control", CachePolicy.NO_STORE,
            "x-robots-tag", "noindex",
            "referrer-policy", "no-referrer");

    private PasswordPages() {
    }

    /** The form, with a message (null for none) about the last attempt. */
    static HttpApiResponse form(HttpApiRequest request, String slug, int status, String message, boolean head) {
        if (RedirectResponses.wantsJson(request)) {
            return Problems.response(new ApiProblem(ProblemType.PASSWORD_REQUIRED, message != null ? message
                    : "The link '" + slug + "' is protected: POST its password as the form field 'password' to " + UNLOCK_PREFIX + slug
                    + "."), request).withHeader("cache-control", CachePolicy.NO_STORE);
        }
        String action = UNLOCK_PREFIX + slug + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        String body = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Protected link</title>"
                + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}"
                + "input{display:block;width:100%;padding:.5rem;margin:.25rem 0 .75rem;font:inherit}"
                + "button{padding:.5rem 1rem;font:inherit}.error{color:#9b1c1c}</style>"
                + "<main><h1>This link is protected</h1><p>Enter its password to continue.</p>"
                + "<form method=\"post\" action=\"" + RedirectResponses.html(action) + "\">"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" required autocomplete=\"current-password\" autofocus"
                + " aria-describedby=\"password-message\"" + (message != null ? " aria-invalid=\"true\"" : "") + ">"
                + "<p id=\"password-message\" class=\"error\" role=\"alert\">" + (message == null ? "" : RedirectResponses.html(message)) + "</p>"
                + "<button type=\"submit\">Continue</button></form></main></html>";
        return HttpApiResponse.of(status, HEADERS, head ? null : body);
    }

    static HttpApiResponse tooManyAttempts(HttpApiRequest request, long retryAfterSeconds) {
        String detail = "Too many wrong passwords for this link from your address. Try again in "
                + Math.max(1, (retryAfterSeconds + 59) / 60) + " minutes.";
        HttpApiResponse response = RedirectResponses.wantsJson(request)
                ? Problems.response(new ApiProblem(ProblemType.TOO_MANY_ATTEMPTS, detail, List.of(),
                        Map.of("retry-after", Long.toString(retryAfterSeconds))), request)
                : HttpApiResponse.of(429, HEADERS, "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Too many attempts</title>"
                        + "<main><h1>Too many attempts</h1><p>" + RedirectResponses.html(detail) + "</p></main></html>");
        return response.withHeader("retry-after", Long.toString(retryAfterSeconds)).withHeader("cache-control", CachePolicy.NO_STORE);
    }

    static HttpApiResponse unsupportedMediaType(HttpApiRequest request) {
        return Problems.response(new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Send the password as an HTML form does: application/x-www-form-urlencoded with the field 'password'."), request);
    }
}
