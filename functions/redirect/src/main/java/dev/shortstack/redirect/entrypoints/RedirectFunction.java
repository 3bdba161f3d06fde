package dev.shortstack.redirect.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.redirect.service.RedirectOutcome;
import dev.shortstack.redirect.service.RedirectService;
import dev.shortstack.redirect.service.Visit;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.domain.OrphanVisits;
import dev.shortstack.shared.http.HttpApiFunction;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.http.OriginVerifiers;
import dev.shortstack.shared.http.PrimingEvents;
import dev.shortstack.shared.http.ViewerHost;
import dev.shortstack.shared.link.PreviewBots;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        String domain = deps.domainPages().domains().domainOf(ViewerHost.of(request));
        String slug = request.pathParameters().getOrDefault("slug", request.path().substring(1));
        MDC.put("slug", slug);
        if (domain != null) {
            MDC.put("domain", domain);
        }
        if (slug.isEmpty()) {
            return root(request, domain, head);
        }
        Instant now = deps.clock().instant();
        RedirectOutcome outcome = deps.service().visit(domain, slug, visitOf(request, request.method(), now));
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
        return unavailable(request, domain, outcome, head);
    }

    /** The domain's root: its owner's page for it, else the not-found page; an orphan visit of the owner either way. */
    private HttpApiResponse root(HttpApiRequest request, String domain, boolean head) {
        HttpApiResponse response = ownersPageOrNotFound(request, deps.domainPages().root(domain), "root", "DomainRoot",
                new RedirectOutcome.NotFound(""), head);
        recordOrphan(request, domain, OrphanVisits.Kind.BASE_URL, response.statusCode());
        return response;
    }

    /** The page the domain's owner set for this kind of visit that found no link, else the built-in not-found answer. */
    private HttpApiResponse ownersPageOrNotFound(HttpApiRequest request, Optional<String> page, String kind, String metric,
                                                 RedirectOutcome.NotFound notFound, boolean head) {
        if (page.isPresent()) {
            deps.observability().count(metric);
            return RedirectResponses.domainPage(request, page.get(), kind, head);
        }
        deps.observability().count("LinkNotFound");
        return RedirectResponses.failure(request, notFound, head);
    }

    /** A visit that found no link, kept for the domain's owner (none: nobody could read it, so it is not kept). */
    private void recordOrphan(HttpApiRequest request, String domain, OrphanVisits.Kind kind, int status) {
        if (PrimingEvents.isPriming(request)) {
            return;
        }
        deps.domainPages().domains().ownerOf(domain).ifPresent(owner -> {
            deps.observability().count("OrphanVisit");
            deps.service().recordOrphan(domain, owner, kind, request.path(), visitOf(request, request.method(), deps.clock().instant()), status);
        });
    }

    /** {@code POST /unlock/{slug}} with the form's password: the redirect when it is right, the form again when not. */
    private HttpApiResponse unlock(HttpApiRequest request) {
        String domain = deps.domainPages().domains().domainOf(ViewerHost.of(request));
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
        RedirectOutcome outcome = deps.service().unlock(domain, slug, visitOf(request, "GET", deps.clock().instant()), password);
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
        return unavailable(request, domain, outcome, false);
    }

    private HttpApiResponse unavailable(HttpApiRequest request, String domain, RedirectOutcome outcome, boolean head) {
        if (outcome instanceof RedirectOutcome.Fallback fallback) {
            deps.observability().count("LinkFallback");
            return RedirectResponses.fallback(request, fallback, head);
        }
        if (outcome instanceof RedirectOutcome.NotFound notFound) {
            HttpApiResponse response = ownersPageOrNotFound(request, deps.domainPages().notFound(domain), "not found",
                    "DomainNotFoundPage", notFound, head);
            if (!request.method().equals("POST")) {
                recordOrphan(request, domain, RedirectService.isSlugShaped(notFound.slug())
                        ? OrphanVisits.Kind.INVALID_SHORT_URL : OrphanVisits.Kind.REGULAR_404, response.statusCode());
            }
            return response;
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
