package dev.shortstack.bench.cost;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Log bytes the bench adds to what {@link RedirectProbe} measured, each from the format its writer
 * uses, filled with sample values of the right length (the lengths, not the values, are what is billed).
 */
public final class LogLineBytes {
    private static final String REQUEST_ID = "3f1e2d4c-5b6a-4978-8c9d-0e1f2a3b4c5d";
    /** A REPORT line's "Max Memory Used" (three digits, as a JVM function's is). */
    private static final int MAX_MEMORY_USED_MB = 190;

    private LogLineBytes() {
    }

    /**
     * Lambda's own START, END and REPORT lines for one invocation, in the text log format, as a function
     * without a system log level (the redirect until it was set to WARN) has them written to its log group.
     */
    public static int platformLines(double durationMs, long billedMs, int memoryMb) {
        return utf8("START RequestId: " + REQUEST_ID + " Version: 12\n"
                + "END RequestId: " + REQUEST_ID + "\n"
                + String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB"
                        + "\tMax Memory Used: %d MB\t\n", REQUEST_ID, durationMs, billedMs, memoryMb, MAX_MEMORY_USED_MB));
    }

    /**
     * What the EMF library's LambdaEnvironment adds to every metrics line from the function's environment
     * (AWS_EXECUTION_ENV, AWS_LAMBDA_FUNCTION_VERSION, AWS_LAMBDA_LOG_STREAM_NAME), which the probe's JVM
     * does not have; X-Ray is off, so no trace id.
     */
    public static int lambdaEmfProperties() {
        return utf8(",\"executionEnvironment\":\"AWS_Lambda_java21\",\"functionVersion\":\"12\","
                + "\"logStreamId\":\"2026/12/01/[12]0123456789abcdef0123456789abcdef\"");
    }

    /**
     * The previous design's second metric on its per-request line, which the probe's per-request
     * flush does not write: HttpApiFunction's HandlerLatency in milliseconds (removed by commit 5e31ba9).
     */
    public static int previousLatencyMetric() {
        return utf8(",{\"Name\":\"HandlerLatency\",\"Unit\":\"Milliseconds\"}" + ",\"HandlerLatency\":0.027421");
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
