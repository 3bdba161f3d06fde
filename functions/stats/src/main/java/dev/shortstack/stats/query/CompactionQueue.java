package dev.shortstack.stats.query;

import dev.shortstack.shared.stats.CompactionRequest;
import java.util.List;

/** Hands compaction requests to the compactor (in production, SQS batches of JSON). */
@FunctionalInterface
public interface CompactionQueue {
    void send(List<CompactionRequest> requests);
}
