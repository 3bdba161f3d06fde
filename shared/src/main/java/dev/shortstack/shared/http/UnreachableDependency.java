package dev.shortstack.shared.http;

import java.io.IOException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Whether a failure is a dependency not answering (DynamoDB, SQS or S3 unreachable, a connection cut, a call out of time)
 * rather than a fault of ours: the client should retry shortly (503 with Retry-After), not report a bug (500).
 */
public final class UnreachableDependency {
    private UnreachableDependency() {
    }

    public static boolean is(Throwable failure) {
        if (!(failure instanceof SdkClientException)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
