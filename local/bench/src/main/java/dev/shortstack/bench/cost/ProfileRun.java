package dev.shortstack.bench.cost;

import dev.shortstack.analytics.classify.Classification;
import dev.shortstack.analytics.classify.ClickClassifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** A window shorter than a day, as a day of such hours: each of the 24 hours gets the window's hourly mean. */
    private static long[] spread(long[] windowHours, double hours) {
        long total = 0;
        for (long v : windowHours) {
            total += v;
        }
        long[] day = new long[24];
        Arrays.fill(day, Math.round(total / hours));
        return day;
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
        double windowHours = profile.window().toMinutes() / 60.0;
        List<CompactionModel.DayCompaction> days = new ArrayList<>();
        for (Map.Entry<LocalDate, long[]> day : archive.objectsPerHour().entrySet()) {
            long[] objects = profile.wholeDay() ? day.getValue() : spread(day.getValue(), windowHours);
            Map<String, long[]> workspaces = new TreeMap<>();
            archive.workspaceClicksPerHour().get(day.getKey())
                    .forEach((ws, perHour) -> workspaces.put(ws, profile.wholeDay() ? perHour : spread(perHour, windowHours)));
            long late = Math.round(archive.lateObjectsPerDay().getOrDefault(day.getKey(), 0L) * scale);
            CompactionModel.DayCompaction compacted = compaction.compactDay(day.getKey(), objects, workspaces, late);
            newUsage.add(compacted.usage(), 1.0 / scale);
            days.add(compacted);
        }
        return new ProfileResult(profile, counts[1], counts[0], archive.rawObjects(), archive.rawBytes(), old.items(),
                old.counterWrites(), old.sketchWrites(), (double) queue.bodyBytes() / counts[1], oldUsage, newUsage, days);
    }
}
