package dev.shortstack.jobs.imports;

import dev.shortstack.jobs.csv.CsvText;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The import report: CSV with a header, one line per input row that was refused, renamed or changed,
 * in file order. Written per chunk (so a redelivered chunk overwrites its own part) and joined when
 * the job ends.
 */
public final class ErrorReport {
    public static final String HEADER = "line,input,outcome,detail\n";

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
    public static byte[] rows(List<ReportLine> lines) {
        StringBuilder csv = new StringBuilder();
        for (ReportLine line : lines) {
            csv.append(line.line()).append(',')
                    .append(CsvText.field(line.input())).append(',')
                    .append(line.outcome().wireName()).append(',')
                    .append(CsvText.field(line.detail())).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
