package dev.shortstack.bench.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shortstack.analytics.aggregate.ArchiveWriter;
import dev.shortstack.analytics.aggregate.ClickParser;
import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times the aggregator's per-click work in this JVM: parse the message body ({@code ClickParser}),
 * classify ({@code ClickClassifier}), make the archived click and encode it with the batch
 * ({@code ArchiveWriter} into an archive that keeps nothing), in batches of 500, after a warm-up.
 * Bodies are serialised before the clock starts. Single-threaded wall time; the median of
 * {@link #ROUNDS} rounds, so that a neighbour's burst on a shared machine moves it less.
 */
public final class CpuProbe {
    private static final int BATCH = 500;
    public static final int ROUNDS = 3;

    private CpuProbe() {
    }

    /** @return microseconds per click: the median of {@link #ROUNDS} rounds of {@code measured / ROUNDS} clicks */
    public static double microsPerClick(ClickClassifier classifier, int warmup, int measured, long seed) {
        TrafficProfile profile = TrafficProfile.MEDIUM;
        ClickFactory factory = new ClickFactory(profile);
        ZipfSampler links = new ZipfSampler(profile.links(), 1.0);
        Random random = new Random(seed);
        Instant start = profile.windowStart();
        List<String> bodies = new ArrayList<>(warmup + measured);
        for (int i = 0; i < warmup + measured; i++) {
            bodies.add(json(factory.click(links.next(random), start.plusMillis(i * 26L), random)));
        }
        CountingClickArchive sink = new CountingClickArchive();
        ArchiveWriter writer = new ArchiveWriter(sink);
        run(classifier, writer, bodies.subList(0, warmup));
        int perRound = measured / ROUNDS;
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            int from = warmup + r * perRound;
            long began = System.nanoTime();
            run(classifier, writer, bodies.subList(from, from + perRound));
            rounds[r] = (System.nanoTime() - began) / 1000.0 / perRound;
        }
        if (sink.bytes() == 0) {
            throw new IllegalStateException("nothing was encoded");
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    private static void run(ClickClassifier classifier, ArchiveWriter writer, List<String> bodies) {
        List<ArchivedClick> batch = new ArrayList<>(BATCH);
        for (String body : bodies) {
            ClickEvent event = ClickParser.parse(body).orElseThrow().get(0);
            batch.add(classifier.classify(event).archived(event));
            if (batch.size() == BATCH) {
                writer.write(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            writer.write(batch);
        }
    }

    private static String json(ClickEvent event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
