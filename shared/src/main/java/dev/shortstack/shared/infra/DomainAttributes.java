package dev.shortstack.shared.infra;

/** Attribute names of the domains table: {@code d#<domain>} holds a domain's settings, {@code w#<workspace>} a workspace's default domain. */
public final class DomainAttributes {
    public static final String PK = "pk";
    public static final String ROOT_URL = "rootUrl";
    public static final String NOT_FOUND_URL = "notFoundUrl";
    public static final String DEFAULT_DOMAIN = "defaultDomain";
    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";

    private DomainAttributes() {
    }
}
