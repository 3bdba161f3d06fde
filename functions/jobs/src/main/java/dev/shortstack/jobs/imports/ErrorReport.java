package dev.shortstack.jobs.imports;

import dev.shortstack.jobs.csv.CsvText;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The error report: CSV with a header, one row per refused input row, in file order. Written
 * per chunk (so a redelivered chunk overwrites its own part) and joined when the job ends.
 */
public final class ErrorReport {
    public static final String HEADER = "line,input,reason\n";

    private ErrorReport() {
    }

    public static String partKey(String jobId, int chunk) {
        return String.format("jobs/%s/errors/chunk-%06d.csv", jobId, chunk);
    }

    public static String partsPrefix(String jobId) {
        return "jobs/" + jobId + "/errors/";
    }

    public static String reportKey(String jobId) {
        return "jobs/" + jobId + "/errors.csv";
    }

    /** The rows of one part, without the header. */
    public static byte[] rows(List<RowError> errors) {
        StringBuilder csv = new StringBuilder();
        for (RowError error : errors) {
            csv.append(error.line()).append(',')
                    .append(CsvText.field(error.input())).append(',')
                    .append(CsvText.field(error.reason())).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
