package dev.shortstack.links.auth;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.ProblemType;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code Authorization: Bearer <key>} to a caller. Every request reads the key item
 * (one consistent GetItem), so a revoked key stops working at once on every instance.
 */
public final class Authenticator {
    private static final Map<String, String> CHALLENGE = Map.of("www-authenticate", "Bearer realm=\"shortstack\"");
    private final ApiKeyStore keys;

    public Authenticator(ApiKeyStore keys) {
        this.keys = keys;
    }

    public Caller authenticate(HttpApiRequest request, Role required) {
        String header = request.header("authorization")
                .orElseThrow(() -> unauthorized("Send the header 'Authorization: Bearer <api key>'."));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("The Authorization header must use the Bearer scheme.");
        }
        return authenticateKey(header.substring(7).trim(), required);
    }

    /** A key given some other way (a compatibility API's own header, e.g. Shlink's X-Api-Key). */
    public Caller authenticateKey(String key, Role required) {
        ApiKey stored = ApiKeySecrets.keyIdOf(key)
                .flatMap(keys::find)
                .filter(candidate -> ApiKeySecrets.matches(key, candidate.secretHash()))
                .filter(candidate -> !candidate.isRevoked())
                .orElseThrow(() -> unauthorized("The API key is not valid or has been revoked."));
        if (!stored.role().includes(required)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "This operation needs a key with the '"
                    + required.wireName() + "' role; this key is '" + stored.role().wireName() + "'.");
        }
        return new Caller(stored.keyId(), stored.workspaceId(), stored.role());
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(ProblemType.UNAUTHORIZED, detail, List.of(), CHALLENGE);
    }
}
