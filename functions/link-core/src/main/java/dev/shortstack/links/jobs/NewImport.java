package dev.shortstack.links.jobs;

/** A just-created import and where its file goes. */
public record NewImport(Job job, PresignedUrl upload) {
}
