package dev.shortstack.links.compat.dub;

import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.http.HttpApiRequest;
import org.slf4j.MDC;

/** Dub's SDKs send {@code Authorization: Bearer <token>}: a Shortstack API key, checked exactly as on /v1. */
public final class DubAuth {
    private DubAuth() {
    }

    public static Caller caller(Authenticator authenticator, HttpApiRequest request, Role role) {
        Caller caller = authenticator.authenticate(request, role);
        MDC.put("workspaceId", caller.workspaceId());
        MDC.put("keyId", caller.keyId());
        return caller;
    }
}
