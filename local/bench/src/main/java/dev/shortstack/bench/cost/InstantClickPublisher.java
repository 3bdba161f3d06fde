package dev.shortstack.bench.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.click.ClickPublishException;
import dev.shortstack.shared.click.ClickPublisher;
import dev.shortstack.shared.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * A clicks queue that acknowledges at once. It does the work {@code GroupCommitClickPublisher} does in
 * the request's own thread — serialise the event with {@link Json#mapper()} — and keeps only the size
 * of the message body it would send (the bytes SQS bills, per 64 KB chunk). The round trip to SQS is
 * not here: the bench adds it as a stated assumption. Keeps no events, so a long run holds no memory.
 */
public final class InstantClickPublisher implements ClickPublisher {
    private long published;
    private long bodyBytes;

    @Override
    public void publish(ClickEvent event) {
        try {
            bodyBytes += Json.mapper().writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length;
            published++;
        } catch (JsonProcessingException e) {
            throw new ClickPublishException("Click event could not be serialised", e);
        }
    }

    public long published() {
        return published;
    }

    /** The mean message body in bytes (UTF-8), over every click published. */
    public double meanBodyBytes() {
        return published == 0 ? 0 : (double) bodyBytes / published;
    }
}
