package dev.shortstack.shared.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an endpoint may subscribe to, by the name it has on the wire. */
public enum WebhookEventType {
    LINK_CREATED("link.created"),
    LINK_UPDATED("link.updated"),
    LINK_DELETED("link.deleted"),
    /** Clicks come in batches (one event per archived batch and workspace), never one request per click. */
    LINK_CLICKED("link.clicked"),
    IMPORT_FINISHED("import.finished"),
    EXPORT_FINISHED("export.finished");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
