package dev.shortstack.links.jobs;

/** An object in the job files bucket: its size, and its ETag, which changes if it is replaced. */
public record StoredFile(long size, String etag) {
}
