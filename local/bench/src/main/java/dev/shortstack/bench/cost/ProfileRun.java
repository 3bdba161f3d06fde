package dev.shortstack.bench.cost;

import dev.shortstack.analytics.classify.Classification;
import dev.shortstack.analytics.classify.ClickClassifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one profile: every batch of the simulated window is classified once (the real
 * {@link ClickClassifier}) and handed to both designs and to the queue model; then the new design's
 * days are compacted. A window shorter than a day (the high profile's hour) stands for a day
 * {@link TrafficProfile#windowsPerDay()} times as large: the compaction is modelled on that day and
 * the window is charged its share.
 */
public final class ProfileRun {
    private ProfileRun() {
    }

    public static ProfileResult run(TrafficProfile profile, Assumptions assumptions, ClickClassifier classifier, long seed) {
        ArrivalSimulator simulator = new ArrivalSimulator(profile, seed);
        OldCounterDesign old = new OldCounterDesign(profile, assumptions, seed);
        ArchiveDesign archive = new ArchiveDesign(assumptions);
        QueueConsumeModel queue = new QueueConsumeModel();
        long[] counts = new long[2];
        simulator.run(batch -> {
            List<Classification> classes = new ArrayList<>(batch.size());
            batch.clicks().forEach(click -> classes.add(classifier.classify(click)));
            old.accept(batch, classes);
            archive.accept(batch, classes);
            queue.accept(batch);
            counts[0]++;
            counts[1] += batch.size();
        });
        Usage oldUsage = old.finish(queue);
        Usage newUsage = archive.finish(queue);

        CompactionModel compaction = new CompactionModel(assumptions);
        double scale = profile.windowsPerDay();
        List<CompactionModel.DayCompaction> days = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> day : archive.objectsPerDay().entrySet()) {
            Map<String, Long> workspaces = new LinkedHashMap<>();
            archive.workspaceClicksPerDay().get(day.getKey()).forEach((ws, clicks) -> workspaces.put(ws, Math.round(clicks * scale)));
            long late = Math.round(archive.lateObjectsPerDay().getOrDefault(day.getKey(), 0L) * scale);
            CompactionModel.DayCompaction compacted = compaction.compactDay(day.getKey(), Math.round(day.getValue() * scale),
                    workspaces, late);
            newUsage.add(compacted.usage(), 1.0 / scale);
            days.add(compacted);
        }
        return new ProfileResult(profile, counts[1], counts[0], archive.rawObjects(), archive.rawBytes(), old.items(),
                old.counterWrites(), old.sketchWrites(), (double) queue.bodyBytes() / counts[1], oldUsage, newUsage, days);
    }
}
