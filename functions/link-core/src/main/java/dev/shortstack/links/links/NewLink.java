package dev.shortstack.links.links;

import java.time.Instant;
import java.util.List;

/** A validated create request. {@code slug} is null when the service should pick one. */
public record NewLink(String url, String slug, Instant expiresAt, Long maxVisits, int redirectType, List<String> tags) {
}
