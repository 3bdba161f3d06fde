package dev.shortstack.links.domains;

import dev.shortstack.shared.domain.DomainSettings;

/**
 * A short domain as a workspace sees it.
 *
 * @param host             the domain's name
 * @param stageDefault     whether it is the stage's default domain (shared by every workspace)
 * @param workspaceDefault whether the workspace's new links go to it when they name no domain
 * @param owned            whether the workspace owns it: its admins set its root and not-found pages and see its orphan visits
 * @param settings         its root and not-found pages, only for the owner (null otherwise)
 */
public record DomainInfo(String host, boolean stageDefault, boolean workspaceDefault, boolean owned, DomainSettings settings) {
}
