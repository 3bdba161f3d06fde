package dev.shortstack.analytics.aggregate;

import java.util.Set;

/** Visitor hashes to merge into one day's unique-visitor sketch. Merging is idempotent. */
public record SketchWrite(String pk, String sk, Set<String> visitorHashes, Set<String> messageIds) {
}
