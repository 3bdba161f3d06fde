package dev.shortstack.links.jobs;

import java.time.Instant;
import java.util.Map;

/** A URL a client can use without an API key until it expires, with the headers it must send. */
public record PresignedUrl(String url, String method, Map<String, String> headers, Instant expiresAt) {
}
