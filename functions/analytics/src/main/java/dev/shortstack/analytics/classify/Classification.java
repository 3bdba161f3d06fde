package dev.shortstack.analytics.classify;

import dev.shortstack.shared.stats.Dimension;
import java.util.Map;

/**
 * What a click counts as: human or bot, and its dimension values. Humans carry every dimension
 * but {@link Dimension#BOT}; bots carry only that one (their name), so bot traffic never shows in
 * human breakdowns.
 */
public record Classification(boolean bot, Map<Dimension, String> dimensions) {
}
