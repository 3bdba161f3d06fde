package dev.shortstack.stats.query;

import dev.shortstack.shared.stats.CompactionRequest;
import java.util.List;

/** Hands compaction requests to the compactor. */
public interface CompactionQueue {
    void send(List<CompactionRequest> requests);
}
