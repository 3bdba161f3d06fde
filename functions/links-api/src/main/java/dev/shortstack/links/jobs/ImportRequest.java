package dev.shortstack.links.jobs;

import java.util.List;
import java.util.OptionalLong;

/**
 * A validated {@code POST /v1/imports}.
 *
 * @param defaultTags added to every imported link's own tags
 * @param sizeBytes   the file's size if the client declared it: the upload URL then accepts only that size
 */
public record ImportRequest(ImportFormat format, List<String> defaultTags, OptionalLong sizeBytes) {
}
