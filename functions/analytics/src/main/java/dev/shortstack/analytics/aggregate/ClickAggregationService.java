package dev.shortstack.analytics.aggregate;

import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.ArchiveDays;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.shared.webhooks.UnqueuedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookEvents;
import dev.shortstack.shared.archive.ArchivedClick;
import java.util.HashMap;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of click messages (each one click, or the group-committed clicks of concurrent
 * redirects): parse, classify, archive. The archive is the only place a click is
 * counted from, so this is all a click costs: a share of one S3 PUT, and nothing in DynamoDB
 * unless it arrives after its hour closed (then one small catalog item per late object, so that
 * queries read it until the next compaction takes it in).
 *
 * Nothing is dropped: a message that cannot be parsed is reported failed (it reaches the DLQ after
 * maxReceiveCount); if the archive write or the catalog update fails, every click is retried, and
 * a retried batch writes the same keys again.
 */
public final class ClickAggregationService {
    private static final Logger LOG = LoggerFactory.getLogger(ClickAggregationService.class);

    private final ClickClassifier classifier;
    private final ArchiveWriter archive;
    private final ArchiveCatalog catalog;
    private final Clock clock;
    private final Observability observability;
    private final WebhookEvents webhooks;

    /** @param webhooks told of each archived batch, as {@code link.clicked} events */
    public ClickAggregationService(ClickClassifier classifier, ArchiveWriter archive, ArchiveCatalog catalog, Clock clock,
                                   Observability observability, WebhookEvents webhooks) {
        this.classifier = classifier;
        this.archive = archive;
        this.catalog = catalog;
        this.clock = clock;
        this.observability = observability;
        this.webhooks = webhooks;
    }

    public Set<String> process(List<SqsRecord> records) {
        Set<String> failed = new HashSet<>();
        List<ClickRecord> clicks = new ArrayList<>(records.size());
        for (SqsRecord record : records) {
            Optional<List<ClickEvent>> events = ClickParser.parse(record.body());
            if (events.isEmpty()) {
                LOG.warn("Unreadable click message {} (receive {}); it goes to the DLQ after the last retry",
                        record.messageId(), record.receiveCount());
                observability.count("UnreadableClick");
                failed.add(record.messageId());
            } else {
                events.get().forEach(event -> clicks.add(new ClickRecord(record.messageId(), classifier.classify(event).archived(event))));
            }
        }
        if (clicks.isEmpty()) {
            return failed;
        }
        // Decided before the write: a write that starts while its hour is open ends before the compactor may list it.
        Instant firstOpenHour = ArchiveDays.firstOpenHour(clock.instant());
        try {
            Map<LocalDate, List<String>> late = new TreeMap<>();
            archive.write(clicks.stream().map(ClickRecord::click).toList()).forEach((key, hour) -> {
                if (hour.isBefore(firstOpenHour)) {
                    late.computeIfAbsent(ArchiveLayout.dayOfRawKey(key), d -> new ArrayList<>()).add(key);
                }
            });
            late.forEach((day, keys) -> {
                catalog.addLate(day, keys);
                observability.count("LateArchiveObjects", keys.size());
            });
        } catch (RuntimeException e) {
            LOG.error("Archiving failed; the whole batch of {} clicks will be retried", clicks.size(), e);
            observability.count("ArchiveWriteFailed");
            clicks.forEach(c -> failed.add(c.messageId()));
            return failed;
        }
        observability.count("ClicksArchived", clicks.size());
        raiseClickEvents(clicks);
        return failed;
    }

    /**
     * After the archive write: the clicks are counted whatever happens here. A refused event is not
     * worth archiving the batch again; it is logged whole, marked {@code "replay":"webhook"}, to be re-raised.
     */
    private void raiseClickEvents(List<ClickRecord> clicks) {
        // Only the clicks of workspaces with a subscriber become events: the rest cost a cached lookup per workspace.
        Map<String, Boolean> wanted = new HashMap<>();
        List<ArchivedClick> subscribed = clicks.stream().map(ClickRecord::click)
                .filter(click -> wanted.computeIfAbsent(click.workspaceId(), ws -> webhooks.wants(ws, WebhookEventType.LINK_CLICKED)))
                .toList();
        if (subscribed.isEmpty()) {
            return;
        }
        List<WebhookEvent> events = ClickWebhookEvents.of(subscribed);
        if (!UnqueuedWebhookEvents.raiseOrLog(webhooks, events)) {
            observability.count("WebhookEventsNotQueued", events.size());
        }
    }
}
