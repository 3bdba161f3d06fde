package dev.shortstack.shared.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Structured logging and EMF metrics through Powertools' functional API, which needs no AspectJ
 * weaving at cold start. Powertools keeps one metrics instance per JVM: in Lambda that is one
 * function; in the local runner, the functions share it and the last one built names the service.
 */
public final class Observability {
    public static final String NAMESPACE = "Shortstack";
    private final Metrics metrics;

    public Observability(String service) {
        this.metrics = MetricsBuilder.builder()
                .withNamespace(NAMESPACE)
                .withService(service)
                .build();
    }

    /** Runs one invocation with Lambda context fields on every log line, then flushes metrics. */
    public <T> T invocation(Context context, Supplier<T> work) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                metrics.captureColdStartMetric(context);
                return work.get();
            } finally {
                metrics.flush();
            }
        });
    }

    public void count(String metric) {
        count(metric, 1);
    }

    public void count(String metric, double value) {
        metrics.addMetric(metric, value, MetricUnit.COUNT);
    }

    public void milliseconds(String metric, double value) {
        metrics.addMetric(metric, value, MetricUnit.MILLISECONDS);
    }
}
