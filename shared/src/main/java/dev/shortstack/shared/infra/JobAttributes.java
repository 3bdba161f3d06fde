package dev.shortstack.shared.infra;

/**
 * Attribute names of the jobs table: one {@code job} item per batch job with its progress
 * counters, and one {@code chunk#NNNNNN} item per finished import chunk (the ledger that makes a
 * redelivered chunk count once).
 */
public final class JobAttributes {
    public static final String JOB_ID = "jobId";
    public static final String ITEM = "item";
    public static final String WORKSPACE_ID = "workspaceId";
    /** Only on job items, so the workspace index lists jobs and nothing else. */
    public static final String CREATED_KEY = "createdKey";
    public static final String WORKSPACE_INDEX = "by-workspace";
    public static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";

    private JobAttributes() {
    }
}
