package dev.shortstack.stats.query;

import dev.shortstack.shared.archive.ArchiveDays;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.stats.CompactionJob;
import dev.shortstack.shared.stats.CompactionJobStore;
import dev.shortstack.shared.stats.CompactionRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Compactions an operator asks for (after restoring raw objects, say): one queue message per closed
 * day, progress on a job. Figures never wait for them: queries read raw objects until a day is
 * compacted.
 */
public final class CompactionJobs {
    public static final int MAX_DAYS = 93;
    private final CompactionJobStore jobs;
    private final CompactionQueue queue;
    private final Clock clock;

    public CompactionJobs(CompactionJobStore jobs, CompactionQueue queue, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
    }

    public CompactionJob start(CompactionRange range) {
        LocalDate open = ArchiveDays.firstUncompactableDay(clock.instant());
        if (range.from().isAfter(range.to()) || !range.to().isBefore(open)) {
            throw ApiProblem.validation("to", "the range must run forwards and end on a closed UTC day (" + open.minusDays(1)
                    + " or earlier); a day closes " + ArchiveDays.COMPACT_AFTER.toMinutes() + " minutes after it ends");
        }
        if (ChronoUnit.DAYS.between(range.from(), range.to()) + 1 > MAX_DAYS) {
            throw ApiProblem.validation("to", "at most " + MAX_DAYS + " days per compaction");
        }
        String jobId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jobs.create(jobId, range.from(), range.to(), now);
        List<CompactionRequest> requests = new ArrayList<>();
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            requests.add(new CompactionRequest(jobId, day.toString(), null));
        }
        queue.send(requests);
        // The job as written: no read-back needed.
        return new CompactionJob(jobId, range.from(), range.to(), requests.size(), Set.of(), now, now);
    }

    /** A day of the job is compacted; a redelivered message marks it once. */
    public void markDayDone(String jobId, LocalDate day) {
        jobs.markDayDone(jobId, day, clock.instant());
    }

    public CompactionJob find(String jobId) {
        return jobs.find(jobId).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No compaction job '" + jobId + "'."));
    }
}
