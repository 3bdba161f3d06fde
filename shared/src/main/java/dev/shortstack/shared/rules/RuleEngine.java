package dev.shortstack.shared.rules;

import java.util.List;

/**
 * Picks where a visitor goes: the first rule whose conditions hold wins, in order; no match means
 * the link's own URL. A split picks its variant from a hash of the visitor and the link, so one
 * person keeps seeing one variant (for as long as their daily visitor hash lasts) and two links'
 * splits are independent of each other.
 */
public final class RuleEngine {
    private static final String VARIANTS = "ABCDE";

    private RuleEngine() {
    }

    public static RuleTarget choose(String linkId, String url, List<RedirectRule> rules, RuleVisitor visitor) {
        int index = firstMatch(rules, visitor);
        if (index < 0) {
            return new RuleTarget(url, null);
        }
        RedirectRule rule = rules.get(index);
        String label = "rule " + (index + 1);
        if (!rule.isSplit()) {
            return new RuleTarget(rule.url(), label);
        }
        int variant = variant(rule.split(), bucket(linkId, index, visitor.visitorHash()));
        return new RuleTarget(rule.split().get(variant).url(), label + " variant " + VARIANTS.charAt(variant));
    }

    /** The index of the first rule whose conditions the visitor meets, or -1 when none does. */
    public static int firstMatch(List<RedirectRule> rules, RuleVisitor visitor) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).when().matches(visitor)) {
                return i;
            }
        }
        return -1;
    }

    static int variant(List<SplitVariant> split, int bucket) {
        int cumulative = 0;
        for (int i = 0; i < split.size(); i++) {
            cumulative += split.get(i).weight();
            if (bucket < cumulative) {
                return i;
            }
        }
        return split.size() - 1;
    }

    /**
     * 0–99, uniform over visitors: the visitor hash is already a keyed MAC (uniform bits), so no
     * cryptographic hash is needed here, only a good mix of it with the link and rule (SplitMix64's
     * finaliser) so that two links' splits are independent. A visitor without a hash (no client IP)
     * lands in the first bucket.
     */
    static int bucket(String linkId, int rule, String visitorHash) {
        if (visitorHash == null) {
            return 0;
        }
        long mixed = mix(visitorHash.hashCode() * 0x9E3779B97F4A7C15L ^ mix(linkId.hashCode() + 31L * rule)
                ^ (visitorHash.length() > 16 ? parseHex(visitorHash, 0, 16) : 0));
        return (int) Long.remainderUnsigned(mixed, 100);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first 16 hex digits of the visitor hash as 64 bits; anything that is not hex mixes in through hashCode alone. */
    private static long parseHex(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return 0;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
