package dev.shortstack.redirect.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortstack.redirect.service.RedirectOutcome;
import dev.shortstack.redirect.service.Visit;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.http.HttpApiFunction;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.http.OriginVerifiers;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.http.PrimingEvents;
import dev.shortstack.shared.link.PreviewBots;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/** {@code GET|HEAD /{slug}} and a protected link's {@code POST /unlock/{slug}}: parse the visit, ask the service, answer. */
public final class RedirectFunction extends HttpApiFunction {
    private static final int MAX_PASSWORD_CHARS = 1024;
    private final RedirectDependencies deps;

    /** Lambda's entry point: configuration from the environment, clients built once. */
    public RedirectFunction() {
        this(Env.system());
    }

    /** Configured by the environment, as in Lambda (and the local runner): with the origin check when one is set. */
    public RedirectFunction(Env env) {
        this(RedirectDependencies.fromEnv(env), OriginVerifiers.fromEnv(env));
    }

    public RedirectFunction(RedirectDependencies deps) {
        this(deps, null);
    }

    public RedirectFunction(RedirectDependencies deps, OriginVerifier origin) {
        super(deps.observability(), origin);
        this.deps = deps;
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        if (request.method().equals("POST") && request.path().startsWith(PasswordPages.UNLOCK_PREFIX)) {
            return unlock(request);
        }
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            return RedirectResponses.methodNotAllowed(request);
        }
        String slug = request.pathParameters().getOrDefault("slug", request.path().substring(1));
        MDC.put("slug", slug);
        Instant now = deps.clock().instant();
        RedirectOutcome outcome = deps.service().visit(slug, visitOf(request, request.method(), now));
        if (outcome instanceof RedirectOutcome.Redirect redirect) {
            deps.observability().count("Redirect");
            if (redirect.link().preview() != null && PreviewBots.matches(request.header("user-agent").orElse(null))) {
                return PreviewPage.of(redirect, head);
            }
            return RedirectResponses.redirect(request, redirect, deps.cachePolicy().forRedirect(redirect.link(), now), head);
        }
        if (outcome instanceof RedirectOutcome.PasswordRequired) {
            deps.observability().count("PasswordRequired");
            return PasswordPages.form(request, slug, 200, null, head);
        }
        return unavailable(request, outcome, head);
    }

    /** {@code POST /unlock/{slug}} with the form's password: the redirect when it is right, the form again when not. */
    private HttpApiResponse unlock(HttpApiRequest request) {
        String slug = request.pathParameters().getOrDefault("slug", request.path().substring(PasswordPages.UNLOCK_PREFIX.length()));
        MDC.put("slug", slug);
        if (!request.header("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return PasswordPages.unsupportedMediaType(request);
        }
        String password = FormFields.of(request.body()).get("password");
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_CHARS) {
            return PasswordPages.form(request, slug, 400, "Enter the password.", false);
        }
        // The visitor's browser follows the answer with a GET: that is the visit that counts.
        RedirectOutcome outcome = deps.service().unlock(slug, visitOf(request, "GET", deps.clock().instant()), password);
        if (outcome instanceof RedirectOutcome.Redirect redirect) {
            deps.observability().count("Redirect");
            return RedirectResponses.unlocked(request, redirect);
        }
        if (outcome instanceof RedirectOutcome.WrongPassword wrong) {
            deps.observability().count("WrongPassword");
            return PasswordPages.form(request, slug, 401, "That password is not right. " + (wrong.attemptsLeft() == 1
                    ? "1 attempt is left" : wrong.attemptsLeft() + " attempts are left") + " for the next few minutes.", false);
        }
        if (outcome instanceof RedirectOutcome.TooManyAttempts throttled) {
            deps.observability().count("PasswordThrottled");
            return PasswordPages.tooManyAttempts(request, throttled.retryAfterSeconds());
        }
        if (outcome instanceof RedirectOutcome.NotProtected) {
            return RedirectResponses.toLink(request, slug);
        }
        return unavailable(request, outcome, false);
    }

    private HttpApiResponse unavailable(HttpApiRequest request, RedirectOutcome outcome, boolean head) {
        if (outcome instanceof RedirectOutcome.Fallback fallback) {
            deps.observability().count("LinkFallback");
            return RedirectResponses.fallback(request, fallback, head);
        }
        deps.observability().count(outcome instanceof RedirectOutcome.Gone ? "LinkGone" : "LinkNotFound");
        return RedirectResponses.failure(request, outcome, head);
    }

    /** A reserved slug: one GetItem that finds nothing, a 404, no click. */
    @Override
    protected JsonNode primingEvent() {
        return PrimingEvents.get("/health", Map.of("slug", "health"), Map.of("accept", "text/html"));
    }

    private static Visit visitOf(HttpApiRequest request, String method, Instant now) {
        return new Visit(
                method,
                now,
                request.header("user-agent").orElse(null),
                request.header("referer").orElse(null),
                request.header("accept-language").orElse(null),
                ViewerCountry.of(request),
                ClientIp.of(request),
                request.queryValues(),
                request.rawQuery());
    }
}
