package dev.shortstack.links.links;

import dev.shortstack.shared.link.SocialPreview;
import dev.shortstack.shared.rules.RedirectRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated edit (JSON merge-patch semantics). A null component means "leave as is"; for the
 * clearable fields a present {@link Clearable} with a null value means "remove". {@code utm}: UTM parameters to
 * set in the URL (the patched one, or the link's), an empty value removing one. {@code rules}: the link's new targeting
 * rules as a whole (an empty list removes them all).
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
        Clearable<String> fallbackUrl,
        Map<String, Optional<String>> utm,
        List<RedirectRule> rules,
        Boolean forwardQuery,
        Clearable<String> passwordHash,
        Clearable<SocialPreview> preview) {

    public record Clearable<T>(T value) {
    }

    /** An edit of the tags alone (tag renames and deletions across links). */
    public static LinkPatch tags(List<String> tags) {
        return new LinkPatch(null, null, null, null, List.copyOf(tags), null, null, null, null, null, null, null, null, null);
    }

}
