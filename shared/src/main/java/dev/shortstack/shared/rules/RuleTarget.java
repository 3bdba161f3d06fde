package dev.shortstack.shared.rules;

/**
 * Where a visit goes and why.
 *
 * @param servedBy the rule (and variant) that chose the URL, e.g. {@code rule 2 variant B}; null for the link's own URL
 */
public record RuleTarget(String url, String servedBy) {
}
