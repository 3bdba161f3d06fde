package dev.shortstack.links.stats;

import dev.shortstack.shared.stats.RebuildRequest;
import java.util.List;

/** Hands rebuild requests to the rebuild workers. */
public interface RebuildQueue {
    void send(List<RebuildRequest> requests);
}
