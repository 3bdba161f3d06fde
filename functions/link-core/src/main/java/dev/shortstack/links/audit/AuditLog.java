package dev.shortstack.links.audit;

import java.util.List;

/** A workspace's audit log, newest first. */
public interface AuditLog {
    AuditLog NONE = new AuditLog() {
        @Override
        public void record(AuditEntry entry) {
        }

        @Override
        public List<AuditEntry> list(String workspaceId, String before, int limit) {
            return List.of();
        }
    };

    void record(AuditEntry entry);

    /** Up to {@code limit} entries older than the position {@code before} (null: from the newest). */
    List<AuditEntry> list(String workspaceId, String before, int limit);
}
