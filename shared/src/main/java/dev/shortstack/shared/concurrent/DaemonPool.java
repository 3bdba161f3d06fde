package dev.shortstack.shared.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A fixed pool of daemon threads for fan-out I/O, so that it never keeps a JVM (or a test) alive. */
public final class DaemonPool {
    private DaemonPool() {
    }

    public static ExecutorService fixed(String threadName, int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
