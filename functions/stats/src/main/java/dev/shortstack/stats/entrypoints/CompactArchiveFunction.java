package dev.shortstack.stats.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsBatchFunction;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.shared.stats.CompactionRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggered by the compactions queue: a job's day (compacted again from the raw archive), or the
 * schedule's {@code {"due": true}} (every day with closed hours not compacted yet or late objects). A day whose lease another run holds is
 * reported failed and comes back after the visibility timeout.
 */
public final class CompactArchiveFunction extends SqsBatchFunction {
    private static final Logger LOG = LoggerFactory.getLogger(CompactArchiveFunction.class);
    private final StatsDependencies deps;

    public CompactArchiveFunction() {
        this(StatsDependencies.fromEnv(Env.system()));
    }

    public CompactArchiveFunction(StatsDependencies deps) {
        super(new Observability("compactor"));
        this.deps = deps;
    }

    @Override
    protected Set<String> process(List<SqsRecord> records, Context context) {
        Set<String> failed = new HashSet<>();
        for (SqsRecord record : records) {
            CompactionRequest request;
            try {
                request = Json.mapper().readValue(record.body(), CompactionRequest.class);
                if (!request.compactsDueDays()) {
                    LocalDate.parse(request.day());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Unreadable compaction request {}: {}", record.messageId(), e.toString());
                failed.add(record.messageId());
                continue;
            }
            List<LocalDate> days = request.compactsDueDays() ? deps.compaction().dueDays() : List.of(LocalDate.parse(request.day()));
            boolean complete = true;
            for (LocalDate day : days) {
                // An operator's compaction reads the day's raw objects again; the schedule's adds what came since.
                OptionalLong clicks = deps.compaction().compactDay(day, request.jobId() != null);
                if (clicks.isEmpty()) {
                    LOG.info("{} is being compacted by another run; this request comes back later", day);
                    complete = false;
                } else if (request.jobId() != null) {
                    deps.jobs().markDayDone(request.jobId(), day);
                }
            }
            if (!complete) {
                failed.add(record.messageId());
            }
        }
        return failed;
    }
}
