package dev.shortstack.shared.link;

/**
 * What link-preview bots (Slack, X, Facebook, LinkedIn, ...) are shown for a link instead of its
 * destination's own page: Open Graph title, description and image. Any of them may be null, not all.
 */
public record SocialPreview(String title, String description, String image) {
}
