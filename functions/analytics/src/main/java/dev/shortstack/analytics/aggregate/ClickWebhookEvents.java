package dev.shortstack.analytics.aggregate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An archived batch of clicks as {@code link.clicked} events: one per workspace and at most
 * {@link #MAX_CLICKS} clicks, never one per click. An event's id follows from its click ids, so a
 * batch archived again raises the same events; receivers that see a click twice (the batch was
 * split differently the second time) tell by its {@code clickId}.
 */
public final class ClickWebhookEvents {
    /** Keeps an event's body near 50 KB, well under SQS's 256 KB message limit. */
    public static final int MAX_CLICKS = 100;

    private ClickWebhookEvents() {
    }

    public static List<WebhookEvent> of(List<ArchivedClick> clicks) {
        Map<String, List<ArchivedClick>> byWorkspace = clicks.stream()
                .collect(Collectors.groupingBy(ArchivedClick::workspaceId, LinkedHashMap::new, Collectors.toList()));
        List<WebhookEvent> events = new ArrayList<>();
        byWorkspace.forEach((workspace, theirs) -> {
            for (int start = 0; start < theirs.size(); start += MAX_CLICKS) {
                events.add(event(workspace, theirs.subList(start, Math.min(theirs.size(), start + MAX_CLICKS))));
            }
        });
        return events;
    }

    private static WebhookEvent event(String workspace, List<ArchivedClick> clicks) {
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode items = data.putArray("clicks");
        Instant latest = Instant.EPOCH;
        for (ArchivedClick click : clicks) {
            Instant at = Instant.parse(click.occurredAt());
            latest = at.isAfter(latest) ? at : latest;
            ObjectNode item = items.addObject();
            item.put("clickId", click.clickId());
            item.put("slug", click.slug());
            item.put("linkId", click.linkId());
            item.put("occurredAt", click.occurredAt());
            item.put("bot", click.bot());
            item.put("botName", click.botName());
            item.put("country", click.country());
            item.put("referrer", click.referrer());
            item.put("referrerHost", click.referrerHost());
            item.put("userAgent", click.userAgent());
            item.put("device", click.device());
            item.put("os", click.os());
            item.put("browser", click.browser());
            item.put("language", click.language());
            item.put("rule", click.rule());
        }
        String identity = clicks.stream().map(ArchivedClick::clickId).sorted().collect(Collectors.joining(","));
        return WebhookEvent.derived(WebhookEventType.LINK_CLICKED, workspace, latest, latest, identity, data);
    }
}
