package dev.shortstack.analytics.aggregate;

import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.analytics.store.CounterStore;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.observability.Observability;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of click messages: parse, classify, archive, aggregate, write. Nothing is dropped:
 * a message that cannot be parsed is reported as failed (it reaches the DLQ after
 * maxReceiveCount); if the archive write fails every click is retried; if a counter write fails,
 * exactly the messages that contributed to it are retried. A retried message may add again to the
 * counters that did succeed — the realtime figures are at-least-once, and the rebuild from the
 * archive makes them exact.
 */
public final class ClickAggregationService {
    private static final Logger LOG = LoggerFactory.getLogger(ClickAggregationService.class);

    private final ClickClassifier classifier;
    private final BatchAggregator aggregator;
    private final ArchiveWriter archive;
    private final CounterStore counters;
    private final ExecutorService writers;
    private final Observability observability;

    public ClickAggregationService(ClickClassifier classifier, BatchAggregator aggregator, ArchiveWriter archive,
                                   CounterStore counters, ExecutorService writers, Observability observability) {
        this.classifier = classifier;
        this.aggregator = aggregator;
        this.archive = archive;
        this.counters = counters;
        this.writers = writers;
        this.observability = observability;
    }

    public Set<String> process(List<SqsRecord> records) {
        Set<String> failed = new HashSet<>();
        List<ClickRecord> clicks = new ArrayList<>(records.size());
        for (SqsRecord record : records) {
            Optional<ClickEvent> event = ClickParser.parse(record.body());
            if (event.isEmpty()) {
                LOG.warn("Unreadable click message {} (receive {}); it goes to the DLQ after the last retry",
                        record.messageId(), record.receiveCount());
                observability.count("UnreadableClick");
                failed.add(record.messageId());
            } else {
                clicks.add(new ClickRecord(record.messageId(), event.get(), classifier.classify(event.get())));
            }
        }
        if (clicks.isEmpty()) {
            return failed;
        }
        try {
            archive.write(clicks.stream().map(ClickRecord::event).toList());
        } catch (RuntimeException e) {
            LOG.error("Archive write failed; the whole batch of {} clicks will be retried", clicks.size(), e);
            observability.count("ArchiveWriteFailed");
            clicks.forEach(c -> failed.add(c.messageId()));
            return failed;
        }
        WritePlan plan = aggregator.plan(clicks);
        List<CompletableFuture<Set<String>>> writes = new ArrayList<>(plan.counters().size() + plan.sketches().size());
        plan.counters().forEach(write -> writes.add(CompletableFuture.supplyAsync(
                () -> attempt(() -> counters.add(write), write.messageIds(), write.pk() + " " + write.sk()), writers)));
        plan.sketches().forEach(write -> writes.add(CompletableFuture.supplyAsync(
                () -> attempt(() -> counters.mergeSketch(write), write.messageIds(), write.pk() + " " + write.sk()), writers)));
        writes.forEach(w -> failed.addAll(w.join()));
        observability.count("ClicksAggregated", clicks.size());
        observability.count("CounterWrites", plan.requestCount());
        return failed;
    }

    private Set<String> attempt(Runnable write, Set<String> messages, String item) {
        try {
            write.run();
            return Set.of();
        } catch (RuntimeException e) {
            LOG.warn("Counter write {} failed after the SDK's retries; {} messages will be retried: {}", item, messages.size(), e.toString());
            observability.count("CounterWriteFailed");
            return messages;
        }
    }
}
