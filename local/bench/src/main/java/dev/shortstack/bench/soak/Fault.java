package dev.shortstack.bench.soak;

/**
 * One injected fault: its kind, when it began and ended (nanoTime), when the affected path worked again (-1: never), and
 * for crashed environments how many API answers it was allowed to lose.
 */
record Fault(Kind kind, long startNanos, long endNanos, long recoveredNanos, int apiCrashes) {
    enum Kind {
        /** The Dynoxide child SIGKILLed; the runner starts it again on the same port and data file. */
        DYNAMODB_KILLED,
        /** Every connection to the queue service cut, and new ones refused, for the outage. */
        SQS_DOWN,
        /** The same for the object store. */
        S3_DOWN,
        /**
         * Execution environments die mid-invocation, after the work and before the answer: links-API requests (the client
         * gets a 500 and cannot know whether its request took) and an aggregator batch (it comes back to be done again).
         */
        ENVIRONMENTS_CRASHED
    }

    Fault(Kind kind, long startNanos, long endNanos, long recoveredNanos) {
        this(kind, startNanos, endNanos, recoveredNanos, 0);
    }

    Fault recovered(long atNanos) {
        return new Fault(kind, startNanos, endNanos, atNanos, apiCrashes);
    }

    Fault ended(long atNanos) {
        return new Fault(kind, startNanos, atNanos, recoveredNanos, apiCrashes);
    }

    /** The window in which failing answers are the fault's: from its start to its recovery plus a grace for in-flight work. */
    boolean covers(long nanos, long graceNanos) {
        long end = Math.max(endNanos, recoveredNanos);
        return nanos >= startNanos && (end == Long.MAX_VALUE || nanos <= end + graceNanos);
    }
}
