package dev.shortstack.links.links;

import dev.shortstack.links.auth.Caller;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.domain.DomainStore;
import dev.shortstack.shared.domain.DynamoDomainStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.link.LinkKeys;
import java.net.URI;
import java.util.Locale;

/**
 * Which short domain a link request means. Requests name domains by host; the stage's default domain is
 * stored as null (its links keep the bare slug as their key), whatever its host is called.
 */
public final class LinkDomains {
    private final ShortDomains domains;
    private final String defaultHost;
    private final DomainStore store;

    /** @param shortBaseUrl the default domain's base URL (its host is the default domain's name) */
    public LinkDomains(ShortDomains domains, String shortBaseUrl, DomainStore store) {
        this.domains = domains;
        this.defaultHost = URI.create(shortBaseUrl).getHost().toLowerCase(Locale.ROOT);
        this.store = store;
    }

    /**
     * The stage's domains ({@code SHORT_DOMAINS}), its default one ({@code SHORT_BASE_URL}) and, where the function has the
     * domains table, the workspaces' default domains.
     */
    public static LinkDomains fromEnv(Env env, DynamoDbClient dynamo) {
        return new LinkDomains(ShortDomains.fromEnv(env), ShortBaseUrl.validated(env.require(EnvNames.SHORT_BASE_URL)),
                env.optional(EnvNames.DOMAINS_TABLE).map(table -> (DomainStore) new DynamoDomainStore(dynamo, table)).orElse(null));
    }

    /** Only the default domain: every link lives on it, and a request naming another domain is refused. */
    public static LinkDomains defaultOnly(String shortBaseUrl) {
        return new LinkDomains(ShortDomains.NONE, shortBaseUrl, null);
    }

    /** The domain store (workspaces' defaults, domains' settings); null where the function has none. */
    public DomainStore store() {
        return store;
    }

    public ShortDomains configured() {
        return domains;
    }

    public String defaultHost() {
        return defaultHost;
    }

    /** A host a request names, as links store it: null for the default domain (or no host named), else the host in lower case. */
    public String named(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String normalised = ShortDomains.normalised(host);
        return normalised.equals(defaultHost) ? null : normalised;
    }

    /**
     * Where a workspace's new links go when they name no domain: a domain it chose and may still use, else the default
     * one (null). Only a workspace that owns a domain can have chosen one: others pay no read.
     */
    public String workspaceDefault(String workspaceId) {
        if (store == null || domains.ownedBy(workspaceId).isEmpty()) {
            return null;
        }
        return store.workspaceDefault(workspaceId).filter(d -> domains.usableBy(d, workspaceId)).orElse(null);
    }

    /** Whether a request may name this host as a short domain: a host name, or the runner's plain {@code localhost}. */
    public static boolean isShortHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return ShortDomains.isHostName(lower) || lower.equals("localhost");
    }

    /** The links table key of a slug on the domain a request names ({@code ?domain=}; absent: the default domain). */
    public String key(String host, String slug) {
        return LinkKeys.of(named(host), slug);
    }

    /**
     * The domain a new link goes to: the one the request names, which must be the default domain or one the workspace
     * owns, or else the workspace's default domain.
     *
     * @throws ApiProblem a field error on {@code field} when the workspace may not make links on the named domain
     */
    public String forNewLink(Caller caller, String requestedHost, String field) {
        if (requestedHost == null) {
            return workspaceDefault(caller.workspaceId());
        }
        String domain = named(requestedHost);
        if (!domains.usableBy(domain, caller.workspaceId())) {
            throw ApiProblem.validation(field, "'" + requestedHost + "' is not a short domain of this workspace; GET /v1/domains lists them");
        }
        return domain;
    }
}
