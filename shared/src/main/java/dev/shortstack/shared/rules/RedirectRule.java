package dev.shortstack.shared.rules;

import java.util.List;

/**
 * One of a link's targeting rules: when its conditions hold (all of them; none means always), the
 * visitor goes to {@code url}, or to one of the {@code split}'s variants. Exactly one of the two is set.
 */
public record RedirectRule(RuleConditions when, String url, List<SplitVariant> split) {

    public RedirectRule {
        when = when == null ? RuleConditions.ALWAYS : when;
        split = split == null ? List.of() : List.copyOf(split);
    }

    public static RedirectRule to(RuleConditions when, String url) {
        return new RedirectRule(when, url, List.of());
    }

    public static RedirectRule split(RuleConditions when, List<SplitVariant> variants) {
        return new RedirectRule(when, null, variants);
    }

    public boolean isSplit() {
        return !split.isEmpty();
    }
}
