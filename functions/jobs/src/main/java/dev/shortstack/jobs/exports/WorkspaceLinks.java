package dev.shortstack.jobs.exports;

import dev.shortstack.links.links.LinkStore;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** A workspace's links, newest first, page by page, optionally only those created in [from, until). */
public final class WorkspaceLinks {
    static final int PAGE = 1_000;

    private WorkspaceLinks() {
    }

    public static void forEach(LinkStore links, String workspaceId, Instant from, Instant until, Consumer<Link> action) {
        // Listing is newest first and strictly before a position: start just before `until`.
        String after = until == null ? null : LinkItems.createdKey(until, "");
        while (true) {
            List<Link> page = links.listByWorkspace(workspaceId, null, null, after, PAGE);
            for (Link link : page) {
                if (from != null && link.createdAt().isBefore(from)) {
                    return;
                }
                action.accept(link);
            }
            if (page.size() < PAGE) {
                return;
            }
            Link last = page.get(page.size() - 1);
            after = LinkItems.createdKey(last.createdAt(), last.key());
        }
    }
}
