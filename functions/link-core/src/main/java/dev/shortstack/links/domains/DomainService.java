package dev.shortstack.links.domains;

import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.shared.domain.DomainSettings;
import dev.shortstack.shared.domain.DomainStore;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A workspace's short domains: which it may use, which is its default, and the root and not-found pages of those it owns. */
public final class DomainService {
    private final LinkDomains domains;
    private final DomainStore store;
    private final Clock clock;

    public DomainService(LinkDomains domains, DomainStore store, Clock clock) {
        this.domains = domains;
        this.store = store;
        this.clock = clock;
    }

    /** The stage's default domain first, then the workspace's own in configuration order. */
    public List<DomainInfo> list(Caller caller) {
        String workspaceDefault = workspaceDefault(caller);
        List<DomainInfo> list = new ArrayList<>();
        list.add(info(caller, null, workspaceDefault));
        domains.configured().ownedBy(caller.workspaceId()).forEach(domain -> list.add(info(caller, domain, workspaceDefault)));
        return list;
    }

    public DomainInfo get(Caller caller, String host) {
        return info(caller, usable(caller, host), workspaceDefault(caller));
    }

    /** Changes the root and not-found pages (owners only) and makes a domain the workspace's default. */
    public DomainInfo update(Caller caller, String host, DomainPatch patch) {
        String domain = usable(caller, host);
        boolean owned = owns(caller, domain);
        if (patch.changesSettings()) {
            if (!owned) {
                throw new ApiProblem(ProblemType.FORBIDDEN, "Only the workspace that owns '" + host
                        + "' may set its root and not-found pages; the stage's configuration says which one does.");
            }
            String key = ShortDomains.settingsKey(domain);
            DomainSettings current = store.settings(key);
            String rootUrl = patch.rootUrl() == null ? current.rootUrl() : patch.rootUrl().orElse(null);
            String notFoundUrl = patch.notFoundUrl() == null ? current.notFoundUrl() : patch.notFoundUrl().orElse(null);
            store.replaceSettings(key, rootUrl, notFoundUrl, current.version(), clock.instant())
                    .orElseThrow(() -> new ApiProblem(ProblemType.EDIT_CONFLICT, "The domain's settings changed while your edit was applied; retry."));
        }
        if (Boolean.TRUE.equals(patch.makeDefault())) {
            store.setWorkspaceDefault(caller.workspaceId(), domain, clock.instant());
        }
        return get(caller, host);
    }

    /** The domain a host names, if the workspace may use it; else 404, as for a domain that does not exist. */
    private String usable(Caller caller, String host) {
        String domain = domains.named(host);
        if (!domains.configured().usableBy(domain, caller.workspaceId())) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "No short domain '" + host + "' in this workspace.");
        }
        return domain;
    }

    private boolean owns(Caller caller, String domain) {
        return domains.configured().ownerOf(domain).filter(caller.workspaceId()::equals).isPresent();
    }

    private String workspaceDefault(Caller caller) {
        return domains.workspaceDefault(caller.workspaceId());
    }

    private DomainInfo info(Caller caller, String domain, String workspaceDefault) {
        boolean owned = owns(caller, domain);
        return new DomainInfo(domain == null ? domains.defaultHost() : domain, domain == null,
                domain == null ? workspaceDefault == null : domain.equals(workspaceDefault), owned,
                owned ? store.settings(ShortDomains.settingsKey(domain)) : null);
    }
}
