package dev.shortstack.analytics.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.analytics.aggregate.ClickParser;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.text.Gzip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The clicks in a CloudWatch Logs subscription event: {@code {"awslogs": {"data": base64(gzip(JSON))}}}, whose log events
 * are the redirect's {@code "replay": "click"} lines, each carrying its click under {@code click}.
 */
public final class ReplayedClicks {
    /** What a subscription event held. @param unreadable log lines that carried no complete click (logged, never sent) */
    public record Read(List<ClickEvent> clicks, int unreadable) {
    }

    private ReplayedClicks() {
    }

    public static Read from(JsonNode event) throws IOException {
        String data = event.path("awslogs").path("data").asText("");
        if (data.isEmpty()) {
            throw new IOException("Not a CloudWatch Logs subscription event: no awslogs.data");
        }
        JsonNode payload = Json.mapper().readTree(Gzip.decompress(Base64.getDecoder().decode(data)));
        List<ClickEvent> clicks = new ArrayList<>();
        int unreadable = 0;
        // CloudWatch Logs sends a CONTROL_MESSAGE when the subscription is created: it carries no log line of ours.
        if (!"DATA_MESSAGE".equals(payload.path("messageType").asText())) {
            return new Read(clicks, 0);
        }
        for (JsonNode logEvent : payload.path("logEvents")) {
            Optional<ClickEvent> click = clickOf(logEvent.path("message").asText(""));
            if (click.isPresent()) {
                clicks.add(click.get());
            } else {
                unreadable++;
            }
        }
        return new Read(clicks, unreadable);
    }

    /** The click of one replay line, validated as the aggregator validates a queued one. */
    static Optional<ClickEvent> clickOf(String message) {
        try {
            JsonNode line = Json.mapper().readTree(message);
            JsonNode click = line.path("click");
            if (!"click".equals(line.path("replay").asText()) || !click.isObject()) {
                return Optional.empty();
            }
            return ClickParser.parse(click.toString()).filter(list -> list.size() == 1).map(list -> list.get(0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
