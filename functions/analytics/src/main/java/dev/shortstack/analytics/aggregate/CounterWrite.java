package dev.shortstack.analytics.aggregate;

import java.util.Map;
import java.util.Set;

/**
 * One {@code UpdateItem ADD} of several counters of one item, and the messages whose clicks it
 * carries (which are retried if it fails).
 */
public record CounterWrite(String pk, String sk, Map<String, Long> increments, Set<String> messageIds) {
}
