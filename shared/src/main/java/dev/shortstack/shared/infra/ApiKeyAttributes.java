package dev.shortstack.shared.infra;

/** Attribute names of the API keys table. */
public final class ApiKeyAttributes {
    public static final String KEY_ID = "keyId";
    public static final String SECRET_HASH = "secretHash";
    public static final String WORKSPACE_ID = "workspaceId";
    public static final String ROLE = "role";
    public static final String NAME = "name";
    public static final String CREATED_AT = "createdAt";
    public static final String REVOKED_AT = "revokedAt";
    /** When the key stops working by itself (absent: never). Not a TTL: an expired key stays listed. */
    public static final String EXPIRES_AT = "expiresAt";
    public static final String LAST_USED_AT = "lastUsedAt";
    public static final String CREATED_KEY = "createdKey";
    public static final String WORKSPACE_INDEX = "by-workspace";

    private ApiKeyAttributes() {
    }
}
