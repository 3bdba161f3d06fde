package dev.shortstack.analytics.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortstack.analytics.aggregate.ClickAggregationService;
import dev.shortstack.shared.sqs.SqsBatchFunction;
import dev.shortstack.shared.sqs.SqsRecord;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.observability.Observability;
import java.util.List;
import java.util.Set;

/** Triggered by the clicks queue: one batch of click events into the counters and the archive. */
public final class AggregateClicksFunction extends SqsBatchFunction {
    private final ClickAggregationService service;

    public AggregateClicksFunction() {
        this(AnalyticsDependencies.fromEnv(Env.system()));
    }

    public AggregateClicksFunction(AnalyticsDependencies deps) {
        this(deps, new Observability("aggregator"));
    }

    private AggregateClicksFunction(AnalyticsDependencies deps, Observability observability) {
        super(observability);
        this.service = deps.aggregation(observability);
    }

    @Override
    protected Set<String> process(List<SqsRecord> records, Context context) {
        return service.process(records);
    }
}
