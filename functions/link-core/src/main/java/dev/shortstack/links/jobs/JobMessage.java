package dev.shortstack.links.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message on the jobs queue: plan an uploaded import, import one chunk of it, or run an export.
 *
 * @param start     first byte of the chunk (inclusive)
 * @param end       last byte of the chunk (exclusive)
 * @param firstLine the file line number of the chunk's first record, for the error report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobMessage(String type, String jobId, Integer chunk, Long start, Long end, Long firstLine) {
    public static final String PLAN = "plan";
    public static final String CHUNK = "chunk";
    public static final String EXPORT = "export";

    public static JobMessage plan(String jobId) {
        return new JobMessage(PLAN, jobId, null, null, null, null);
    }

    public static JobMessage export(String jobId) {
        return new JobMessage(EXPORT, jobId, null, null, null, null);
    }

    public static JobMessage chunk(String jobId, int chunk, long start, long end, long firstLine) {
        return new JobMessage(CHUNK, jobId, chunk, start, end, firstLine);
    }
}
