package dev.shortstack.links.links;

import java.time.Instant;
import java.util.List;

/**
 * A validated edit (JSON merge-patch semantics). A null component means "leave as is"; for the
 * clearable fields a present {@link Clearable} with a null value means "remove".
 */
public record LinkPatch(
        String url,
        Clearable<Instant> expiresAt,
        Clearable<Long> maxVisits,
        Integer redirectType,
        List<String> tags,
        Boolean disabled,
        Clearable<String> title,
        Clearable<String> description,
        Clearable<String> fallbackUrl) {

    public record Clearable<T>(T value) {
    }

    /** An edit of the tags alone (tag renames and deletions across links). */
    public static LinkPatch tags(List<String> tags) {
        return new LinkPatch(null, null, null, null, List.copyOf(tags), null, null, null, null);
    }

}
