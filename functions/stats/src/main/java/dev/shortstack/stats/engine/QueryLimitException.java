package dev.shortstack.stats.engine;

/** A query that went over its time or memory limit: the caller should narrow it, or retry later. */
public final class QueryLimitException extends RuntimeException {
    public QueryLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
