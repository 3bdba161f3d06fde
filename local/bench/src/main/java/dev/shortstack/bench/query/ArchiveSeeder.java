package dev.shortstack.bench.query;

import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes synthetic clicks into the raw archive as the aggregator does (the one codec, one object
 * per batch and hour), an equal share per hour, in objects of {@link #CLICKS_PER_OBJECT} clicks.
 */
public final class ArchiveSeeder {
    /** Larger than a real batch (500) only to keep the bench's object count, not its clicks, small. */
    static final int CLICKS_PER_OBJECT = 5_000;
    private final S3Client s3;
    private final String bucket;
    private final SyntheticClicks clicks;

    public ArchiveSeeder(S3Client s3, String bucket, String workspace, List<String> linkIds) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clicks = new SyntheticClicks(workspace, linkIds, 42);
    }

    /** @return the clicks written: {@code total} spread over the hours from {@code start} to {@code end} */
    public long seed(Instant start, Instant end, long total) throws Exception {
        long hours = ChronoUnit.HOURS.between(start, end.truncatedTo(ChronoUnit.HOURS)) + 1;
        long perHour = total / hours;
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> writes = new ArrayList<>();
        long written = 0;
        try {
            for (Instant hour = start; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
                int count = (int) (hour.plus(1, ChronoUnit.HOURS).isAfter(end)
                        ? perHour * ChronoUnit.MINUTES.between(hour, end) / 60 : perHour);
                List<ArchivedClick> hourClicks = clicks.hour(hour, count);
                written += count;
                for (int from = 0; from < hourClicks.size(); from += CLICKS_PER_OBJECT) {
                    List<ArchivedClick> object = hourClicks.subList(from, Math.min(hourClicks.size(), from + CLICKS_PER_OBJECT));
                    Instant at = hour;
                    writes.add(writers.submit(() -> {
                        String key = ArchiveLayout.key(at.atZone(ZoneOffset.UTC).toLocalDate(), at.atZone(ZoneOffset.UTC).getHour(),
                                object.stream().map(ArchivedClick::clickId).toList());
                        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(ArchiveCodec.encode(object)));
                    }));
                }
                if (writes.size() > 64) {
                    for (Future<?> write : writes) {
                        write.get();
                    }
                    writes.clear();
                }
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        return written;
    }
}
