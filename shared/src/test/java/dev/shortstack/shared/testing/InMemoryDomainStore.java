package dev.shortstack.shared.testing;

import dev.shortstack.shared.domain.DomainSettings;
import dev.shortstack.shared.domain.DomainStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Domains' settings and workspaces' defaults in maps, with the same version check as the table; counts its reads. */
public final class InMemoryDomainStore implements DomainStore {
    private final Map<String, DomainSettings> settings = new ConcurrentHashMap<>();
    private final Map<String, String> defaults = new ConcurrentHashMap<>();
    public final AtomicInteger settingsReads = new AtomicInteger();

    @Override
    public DomainSettings settings(String domain) {
        settingsReads.incrementAndGet();
        return settings.getOrDefault(domain, DomainSettings.unset(domain));
    }

    @Override
    public synchronized Optional<DomainSettings> replaceSettings(String domain, String rootUrl, String notFoundUrl, long expectedVersion,
                                                                 Instant now) {
        if (settings.getOrDefault(domain, DomainSettings.unset(domain)).version() != expectedVersion) {
            return Optional.empty();
        }
        DomainSettings written = new DomainSettings(domain, rootUrl, notFoundUrl, expectedVersion + 1, now);
        settings.put(domain, written);
        return Optional.of(written);
    }

    @Override
    public Optional<String> workspaceDefault(String workspaceId) {
        return Optional.ofNullable(defaults.get(workspaceId));
    }

    @Override
    public void setWorkspaceDefault(String workspaceId, String domain, Instant now) {
        if (domain == null) {
            defaults.remove(workspaceId);
        } else {
            defaults.put(workspaceId, domain);
        }
    }
}
