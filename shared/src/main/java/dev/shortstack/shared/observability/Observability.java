package dev.shortstack.shared.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Structured logging and EMF metrics through Powertools' functional API, which needs no AspectJ
 * weaving at cold start. Counts are summed in process and written as one EMF line at most every
 * {@link #FLUSH_INTERVAL} (at the end of the first invocation after it), not one line per
 * request: a redirect pays for no log bytes on its success path. What an environment counted in
 * its last seconds before Lambda retires it is lost; errors are logged as they happen regardless.
 * Latency is Lambda's own Duration metric. Powertools keeps one metrics instance per JVM: in Lambda
 * that is one function; in the local runner, the functions share it and the last one built names
 * the service.
 */
public final class Observability {
    public static final String NAMESPACE = "Shortstack";
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(10);

    private final Metrics metrics;
    private final Map<String, DoubleAdder> counts = new ConcurrentHashMap<>();
    private final long flushIntervalNanos;
    private final LongSupplier nanoClock;
    private volatile long lastFlush;

    public Observability(String service) {
        this(service, FLUSH_INTERVAL, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests pass their own) */
    public Observability(String service, Duration flushInterval, LongSupplier nanoClock) {
        this.metrics = MetricsBuilder.builder()
                .withNamespace(NAMESPACE)
                .withService(service)
                .build();
        this.flushIntervalNanos = flushInterval.toNanos();
        this.nanoClock = nanoClock;
        this.lastFlush = nanoClock.getAsLong();
    }

    /** Runs one invocation with Lambda context fields on every log line; writes the counts when they are due. */
    public <T> T invocation(Context context, Supplier<T> work) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                metrics.captureColdStartMetric(context);
                return work.get();
            } finally {
                flushIfDue();
            }
        });
    }

    public void count(String metric) {
        count(metric, 1);
    }

    public void count(String metric, double value) {
        counts.computeIfAbsent(metric, m -> new DoubleAdder()).add(value);
    }

    /** Writes what was counted since the last line, if the interval has passed and anything was counted. */
    private void flushIfDue() {
        long now = nanoClock.getAsLong();
        if (now - lastFlush < flushIntervalNanos) {
            return;
        }
        synchronized (this) {
            if (now - lastFlush < flushIntervalNanos) {
                return;
            }
            lastFlush = now;
            boolean any = false;
            for (Map.Entry<String, DoubleAdder> count : counts.entrySet()) {
                double sum = count.getValue().sumThenReset();
                if (sum != 0) {
                    metrics.addMetric(count.getKey(), sum, MetricUnit.COUNT);
                    any = true;
                }
            }
            if (any) {
                metrics.flush();
            }
        }
    }
}
