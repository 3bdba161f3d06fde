package dev.shortstack.jobs.exports;

import dev.shortstack.links.links.LinkStore;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import java.time.Instant;
import java.util.function.Consumer;

/** A workspace's links, newest first, each read once, optionally only those created in [from, until). */
public final class WorkspaceLinks {
    private WorkspaceLinks() {
    }

    public static void forEach(LinkStore links, String workspaceId, Instant from, Instant until, Consumer<Link> action) {
        // Listing is newest first and strictly before a position: start just before `until`.
        String before = until == null ? null : LinkItems.createdKey(until, "");
        links.forEachByWorkspace(workspaceId, before, link -> {
            if (from != null && link.createdAt().isBefore(from)) {
                return false;
            }
            action.accept(link);
            return true;
        });
    }
}
