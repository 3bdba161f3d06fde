package dev.shortstack.links.compat.shlink;

import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.ProblemType;
import org.slf4j.MDC;

/** Shlink's clients send the key in {@code X-Api-Key}: a Shortstack API key, checked as on /v1. */
public final class ShlinkAuth {
    private ShlinkAuth() {
    }

    public static Caller caller(Authenticator authenticator, HttpApiRequest request, Role role) {
        String key = request.header("x-api-key").map(String::trim).filter(k -> !k.isEmpty())
                .orElseThrow(() -> new ApiProblem(ProblemType.UNAUTHORIZED, "Send the header 'X-Api-Key: <api key>'."));
        Caller caller = authenticator.authenticateKey(request, key, role);
        MDC.put("workspaceId", caller.workspaceId());
        MDC.put("keyId", caller.keyId());
        return caller;
    }
}
