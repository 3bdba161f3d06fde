package dev.shortstack.shared.rules;

/** One URL of an A/B split and its share of the visitors, in percent (a split's weights add up to 100). */
public record SplitVariant(String url, int weight) {
}
