package dev.shortstack.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.lambda.FixedContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counts become one EMF line per interval, not one per invocation; nothing counted, nothing written. */
class ObservabilityTest {

    @Test
    void aThousandInvocationsWithinTheIntervalWriteNoLineThenOneWithTheirSum() {
        AtomicLong nanos = new AtomicLong();
        Observability observability = new Observability("test", Duration.ofSeconds(10), nanos::get);
        FixedContext context = new FixedContext("test", "request-1", 1024, 10);

        List<String> during = emfLines(() -> {
            for (int i = 0; i < 1000; i++) {
                observability.invocation(context, () -> {
                    observability.count("Redirect");
                    return null;
                });
            }
        });
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        List<String> after = emfLines(() -> observability.invocation(context, () -> {
            observability.count("Redirect");
            return null;
        }));
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        List<String> idle = emfLines(() -> observability.invocation(context, () -> null));

        assertThat(during).as("no line per request").isEmpty();
        assertThat(after).hasSize(1);
        assertThat(after.get(0)).contains("\"Redirect\":1001.0");
        assertThat(idle).as("nothing counted, nothing written (and no empty-flush warning)").isEmpty();
    }

    /** The EMF lines (other than the cold-start one) that {@code work} prints. */
    private static List<String> emfLines(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("\"_aws\"") && !line.contains("ColdStart")).toList();
    }
}
