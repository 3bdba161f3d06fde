package dev.shortstack.shared.infra;

/** Attribute names of the links table. */
public final class LinkAttributes {
    public static final String SLUG = "slug";
    public static final String LINK_ID = "linkId";
    public static final String WORKSPACE_ID = "workspaceId";
    public static final String URL = "url";
    public static final String REDIRECT_TYPE = "redirectType";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String MAX_VISITS = "maxVisits";
    public static final String TAGS = "tags";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String FALLBACK_URL = "fallbackUrl";
    /** Targeting rules as one JSON string (see RuleJson). */
    public static final String RULES = "rules";
    /** Stored only as false: a link without it forwards the visit's query (the default). */
    public static final String FORWARD_QUERY = "forwardQuery";
    /** The password's PBKDF2 hash (see PasswordHash); only on protected links. */
    public static final String PASSWORD_HASH = "passwordHash";
    /** A social preview's parts, each only when set. */
    public static final String PREVIEW_TITLE = "previewTitle";
    public static final String PREVIEW_DESCRIPTION = "previewDescription";
    public static final String PREVIEW_IMAGE = "previewImage";
    /** Slug and URL in lower case, for case-insensitive search; only where they have upper case. */
    public static final String SEARCH_KEY = "searchKey";
    /** The tags in lower case, for case-insensitive filtering; only where one has upper case. */
    public static final String TAG_KEYS = "tagKeys";
    public static final String DISABLED = "disabled";
    public static final String VERSION = "version";
    public static final String CREATED_BY = "createdBy";
    /** workspaceId#shard: spreads one workspace's index entries over several partitions. */
    public static final String WORKSPACE_SHARD = "wsShard";
    /** Zero-padded creation millis#slug: orders the index newest first and is unique. */
    public static final String CREATED_KEY = "createdKey";
    public static final String WORKSPACE_INDEX = "by-workspace";

    private LinkAttributes() {
    }
}
