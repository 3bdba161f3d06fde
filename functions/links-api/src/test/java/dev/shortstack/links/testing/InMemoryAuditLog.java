package dev.shortstack.links.testing;

import dev.shortstack.links.audit.AuditEntry;
import dev.shortstack.links.audit.AuditLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit log in memory, positions by insertion order. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(new AuditEntry(entry.workspaceId(), entry.at(), entry.keyId(), entry.action(), entry.target(), entry.details(),
                entry.client(), String.format("%015d#%04d", entry.at().toEpochMilli(), entries.size())));
    }

    @Override
    public synchronized List<AuditEntry> list(String workspaceId, String before, int limit) {
        return entries.stream().filter(e -> e.workspaceId().equals(workspaceId))
                .filter(e -> before == null || e.position().compareTo(before) < 0)
                .sorted(Comparator.comparing(AuditEntry::position).reversed())
                .limit(limit).toList();
    }
}
