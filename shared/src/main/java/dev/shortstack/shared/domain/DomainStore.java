package dev.shortstack.shared.domain;

import java.time.Instant;
import java.util.Optional;

/** Domains' settings and workspaces' default domains: all Shortstack keeps of domains (who owns one is configuration). */
public interface DomainStore {

    /** A domain's settings; {@link DomainSettings#unset} when it was never configured. */
    DomainSettings settings(String domain);

    /**
     * Writes a domain's settings if they are still at {@code expectedVersion}.
     *
     * @return the settings written, empty when they changed meanwhile (nothing is written then)
     */
    Optional<DomainSettings> replaceSettings(String domain, String rootUrl, String notFoundUrl, long expectedVersion, Instant now);

    /** The domain (a host, or null for the stage's default domain) a workspace's new links go to when they name none. */
    Optional<String> workspaceDefault(String workspaceId);

    /** @param domain a host, or null to go back to the stage's default domain */
    void setWorkspaceDefault(String workspaceId, String domain, Instant now);
}
