package dev.shortstack.analytics.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortstack.shared.sqs.SqsBatchFunction;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.stats.RebuildRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggered by the rebuilds queue: each message rebuilds one UTC day from the archive and marks
 * it done on its job. The schedule's {@code {"relativeDay": -1}} becomes a job of its own.
 */
public final class RebuildStatsFunction extends SqsBatchFunction {
    private static final Logger LOG = LoggerFactory.getLogger(RebuildStatsFunction.class);
    private final AnalyticsDependencies deps;

    public RebuildStatsFunction() {
        this(AnalyticsDependencies.fromEnv(Env.system()));
    }

    public RebuildStatsFunction(AnalyticsDependencies deps) {
        super(new Observability("rebuild"));
        this.deps = deps;
    }

    @Override
    protected Set<String> process(List<SqsRecord> records, Context context) {
        Set<String> failed = new HashSet<>();
        for (SqsRecord record : records) {
            RebuildRequest request;
            LocalDate day;
            try {
                request = Json.mapper().readValue(record.body(), RebuildRequest.class);
                day = request.relativeDay() != null
                        ? LocalDate.now(deps.clock().withZone(ZoneOffset.UTC)).plusDays(request.relativeDay())
                        : LocalDate.parse(request.day());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Unreadable rebuild request {}: {}", record.messageId(), e.toString());
                failed.add(record.messageId());
                continue;
            }
            String jobId = request.jobId() != null ? request.jobId() : "scheduled-" + day;
            if (request.jobId() == null) {
                deps.jobs().create(jobId, day, day, deps.clock().instant());
            }
            long clicks = deps.rebuild().rebuildDay(day);
            deps.jobs().markDayDone(jobId, day, deps.clock().instant());
            observability().count("DaysRebuilt");
            LOG.info("Rebuilt {} from the archive: {} distinct clicks (job {})", day, clicks, jobId);
        }
        return failed;
    }
}
