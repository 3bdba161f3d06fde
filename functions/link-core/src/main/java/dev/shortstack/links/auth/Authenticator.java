package dev.shortstack.links.auth;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ClientAddress;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Resolves {@code Authorization: Bearer <key>} to a caller. Every request reads the key item
 * (one consistent GetItem), so a revoked key stops working at once on every instance. The abuse
 * limits come first: a client that failed to authenticate too often this minute is answered 429
 * before its key is looked at (so guessing learns nothing more), and each key may make so many
 * requests a second (429 with Retry-After beyond, other keys unaffected).
 */
public final class Authenticator {
    private static final Map<String, String> CHALLENGE = Map.of("www-authenticate", "Bearer realm=\"shortstack\"");
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private final ApiKeyStore keys;
    private final RequestLimits limits;
    private final Clock clock;

    /** Without abuse limits (tests of other things, the local admin tooling). */
    public Authenticator(ApiKeyStore keys) {
        this(keys, RequestLimits.NONE, Clock.systemUTC());
    }

    public Authenticator(ApiKeyStore keys, RequestLimits limits, Clock clock) {
        this.keys = keys;
        this.limits = limits;
        this.clock = clock;
    }

    public Caller authenticate(HttpApiRequest request, Role required) {
        String header = request.header("authorization")
                .orElseThrow(() -> unauthorized("Send the header 'Authorization: Bearer <api key>'."));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("The Authorization header must use the Bearer scheme.");
        }
        return authenticateKey(request, header.substring(7).trim(), required);
    }

    /** A key given some other way (a compatibility API's own header, e.g. Shlink's X-Api-Key). */
    public Caller authenticateKey(HttpApiRequest request, String key, Role required) {
        String client = ClientAddress.network(ClientAddress.of(request));
        Instant now = clock.instant();
        limits.blockedClient(client, now).ifPresent(wait -> {
            throw tooMany(wait, "Too many requests with keys that are not valid came from this address; wait "
                    + wait.toSeconds() + " s.");
        });
        Optional<ApiKey> found = ApiKeySecrets.keyIdOf(key)
                .flatMap(keys::find)
                .filter(candidate -> ApiKeySecrets.matches(key, candidate.secretHash()))
                .filter(candidate -> !candidate.isRevoked());
        if (found.isEmpty()) {
            limits.noteFailure(client, now);
            throw unauthorized("The API key is not valid or has been revoked.");
        }
        ApiKey stored = found.get();
        if (stored.isExpiredAt(now)) {
            limits.noteFailure(client, now);
            throw unauthorized("The API key expired at " + stored.expiresAt() + ".");
        }
        // Kept to the minute: one small write a minute per key in use, not one per request.
        if (stored.lastUsedAt() == null || !stored.lastUsedAt().plus(LAST_USED_PRECISION).isAfter(now)) {
            keys.touch(stored.keyId(), now);
        }
        limits.acquire(stored.keyId(), now).ifPresent(wait -> {
            throw tooMany(wait, "This key made more requests this second than it may; retry after Retry-After.");
        });
        if (!stored.role().includes(required)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "This operation needs a key with the '"
                    + required.wireName() + "' role; this key is '" + stored.role().wireName() + "'.");
        }
        return new Caller(stored.keyId(), stored.workspaceId(), stored.role());
    }

    private static ApiProblem tooMany(Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiProblem(ProblemType.RATE_LIMITED, detail, List.of(), Map.of("retry-after", Long.toString(seconds)));
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(ProblemType.UNAUTHORIZED, detail, List.of(), CHALLENGE);
    }
}
