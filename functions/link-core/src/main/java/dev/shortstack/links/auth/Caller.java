package dev.shortstack.links.auth;

/** The authenticated caller of one request. */
public record Caller(String keyId, String workspaceId, Role role) {
}
