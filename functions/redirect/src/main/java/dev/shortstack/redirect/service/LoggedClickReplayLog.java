package dev.shortstack.redirect.service;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.observability.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the click as one structured log line marked {@code "replay": "click"}: CloudWatch Logs
 * keeps it, and a subscription filter or a Logs Insights query on that field finds every click
 * to put back on the queue.
 */
public final class LoggedClickReplayLog implements ClickReplayLog {
    public static final String REPLAY_MARKER = "click";
    private static final Logger LOG = LoggerFactory.getLogger(LoggedClickReplayLog.class);
    private final Observability observability;

    public LoggedClickReplayLog(Observability observability) {
        this.observability = observability;
    }

    @Override
    public void write(ClickEvent event, Exception cause) {
        String body;
        try {
            body = Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A click event is always serialisable", e);
        }
        observability.count("ClickReplayLogged");
        LOG.error("Click not queued; logged for replay: {}", cause.getMessage(),
                entry("replay", REPLAY_MARKER), json("click", body));
    }
}
