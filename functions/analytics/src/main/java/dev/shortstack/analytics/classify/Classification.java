package dev.shortstack.analytics.classify;

import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.stats.Dimension;
import java.util.Map;

/**
 * What a click counts as: human or bot, and its dimension values. Humans carry every dimension
 * but {@link Dimension#BOT}; bots carry only that one (their name), so bot traffic never shows in
 * human breakdowns.
 */
public record Classification(boolean bot, Map<Dimension, String> dimensions) {

    /** The click as the archive keeps it: the event and this classification. */
    public ArchivedClick archived(ClickEvent event) {
        if (bot) {
            return ArchivedClick.bot(event, dimensions.get(Dimension.BOT));
        }
        return ArchivedClick.human(event, dimensions.get(Dimension.COUNTRY), dimensions.get(Dimension.REFERRER),
                dimensions.get(Dimension.DEVICE), dimensions.get(Dimension.OS), dimensions.get(Dimension.BROWSER),
                dimensions.get(Dimension.LANGUAGE));
    }
}
