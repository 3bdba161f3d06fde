package dev.shortstack.links.compat.bitly;

import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.ProblemType;
import org.slf4j.MDC;

/**
 * Bitly's clients send the token as {@code Authorization: Bearer <token>}, and some (node-bitly) as
 * the bare token: either way a Shortstack API key, checked as on /v1.
 */
public final class BitlyAuth {
    private BitlyAuth() {
    }

    public static Caller caller(Authenticator authenticator, HttpApiRequest request, Role role) {
        String header = request.header("authorization").map(String::trim).filter(h -> !h.isEmpty())
                .orElseThrow(() -> new ApiProblem(ProblemType.UNAUTHORIZED, "Send the header 'Authorization: Bearer <api key>'."));
        String key = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header;
        Caller caller = authenticator.authenticateKey(request, key, role);
        MDC.put("workspaceId", caller.workspaceId());
        MDC.put("keyId", caller.keyId());
        return caller;
    }

    /** A group is a workspace: a key sees its own only. */
    public static void requireGroup(Caller caller, String groupGuid) {
        if (groupGuid != null && !groupGuid.isEmpty() && !groupGuid.equals(caller.workspaceId())) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "This key belongs to group " + caller.workspaceId() + ", not " + groupGuid + ".");
        }
    }
}
