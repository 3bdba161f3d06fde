package dev.shortstack.links.jobs;

import java.util.List;
import java.util.OptionalLong;

/**
 * A validated {@code POST /v1/imports}.
 *
 * @param defaultTags   added to every imported link's own tags
 * @param onInvalidSlug what a row whose slug Shortstack cannot take becomes
 * @param sizeBytes     the file's size if the client declared it: the upload URL then accepts only that size
 */
public record ImportRequest(ImportFormat format, List<String> defaultTags, InvalidSlugPolicy onInvalidSlug, OptionalLong sizeBytes) {

    /** An import that refuses rows whose slug it cannot take (the default). */
    public ImportRequest(ImportFormat format, List<String> defaultTags, OptionalLong sizeBytes) {
        this(format, defaultTags, InvalidSlugPolicy.REJECT, sizeBytes);
    }
}
