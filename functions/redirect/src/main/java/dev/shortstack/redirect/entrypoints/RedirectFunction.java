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
import java.time.Instant;
import java.util.Map;
import org.slf4j.MDC;

/** {@code GET|HEAD /{slug}}: parse the visit, ask the service, answer the redirect. */
public final class RedirectFunction extends HttpApiFunction {
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
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            return RedirectResponses.methodNotAllowed(request);
        }
        String slug = request.pathParameters().getOrDefault("slug", request.path().substring(1));
        MDC.put("slug", slug);
        Instant now = deps.clock().instant();
        RedirectOutcome outcome = deps.service().visit(slug, visitOf(request, now));
        if (outcome instanceof RedirectOutcome.Redirect redirect) {
            deps.observability().count("Redirect");
            return RedirectResponses.redirect(request, redirect.link(), deps.cachePolicy().forRedirect(redirect.link(), now), head);
        }
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

    private static Visit visitOf(HttpApiRequest request, Instant now) {
        return new Visit(
                request.method(),
                now,
                request.header("user-agent").orElse(null),
                request.header("referer").orElse(null),
                request.header("accept-language").orElse(null),
                ViewerCountry.of(request),
                ClientIp.of(request));
    }
}
