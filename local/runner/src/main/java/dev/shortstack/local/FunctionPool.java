package dev.shortstack.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.shortstack.shared.lambda.FixedContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A function's execution environments, as Lambda keeps them: each instance handles one
 * invocation at a time, a new one is created (a cold start) only when all are busy, up to the
 * function's concurrency limit; beyond it, callers wait. A multi-concurrent pool is one
 * environment serving up to its limit of invocations at once, as Lambda Managed Instances run a
 * function: what the environment shares (caches, the click sender's batches) is shared for real.
 */
final class FunctionPool {
    private final String name;
    private final Supplier<RequestStreamHandler> factory;
    private final Semaphore concurrency;
    private final boolean shareOneEnvironment;
    private final BlockingQueue<RequestStreamHandler> idle = new LinkedBlockingQueue<>();
    private volatile RequestStreamHandler shared;
    private final java.util.concurrent.atomic.AtomicInteger crashesArmed = new java.util.concurrent.atomic.AtomicInteger();

    FunctionPool(String name, Supplier<RequestStreamHandler> factory, int maxConcurrency) {
        this(name, factory, maxConcurrency, false);
    }

    private FunctionPool(String name, Supplier<RequestStreamHandler> factory, int maxConcurrency, boolean shareOneEnvironment) {
        this.name = name;
        this.factory = factory;
        this.concurrency = new Semaphore(maxConcurrency, true);
        this.shareOneEnvironment = shareOneEnvironment;
    }

    /** One environment handling up to {@code maxConcurrency} invocations at once. */
    static FunctionPool multiConcurrent(String name, Supplier<RequestStreamHandler> factory, int maxConcurrency) {
        return new FunctionPool(name, factory, maxConcurrency, true);
    }

    String name() {
        return name;
    }

    /**
     * Fault injection: the environments of the next {@code count} invocations die once the function has done its work,
     * before its answer gets out — the failure that matters, since the work happened (Lambda reports an error: a 5xx to
     * an HTTP client, a batch back on its queue). A dead environment is replaced by a cold one.
     */
    void crashAfterWork(int count) {
        crashesArmed.addAndGet(count);
    }

    /** Crashes armed and not yet happened. */
    int crashesPending() {
        return crashesArmed.get();
    }

    private boolean crashNow() {
        return crashesArmed.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Invokes with a JSON event and returns the JSON the function wrote. */
    byte[] invoke(byte[] event) {
        concurrency.acquireUninterruptibly();
        try {
            if (shareOneEnvironment) {
                byte[] answer = invoke(sharedEnvironment(), event);
                if (crashNow()) {
                    shared = null;
                    throw new EnvironmentCrashed(name);
                }
                return answer;
            }
            RequestStreamHandler instance = idle.poll();
            if (instance == null) {
                instance = factory.get();
            }
            boolean crashed = false;
            try {
                byte[] answer = invoke(instance, event);
                if (crashNow()) {
                    crashed = true;
                    throw new EnvironmentCrashed(name);
                }
                return answer;
            } finally {
                if (!crashed) {
                    idle.add(instance);
                }
            }
        } finally {
            concurrency.release();
        }
    }

    private byte[] invoke(RequestStreamHandler instance, byte[] event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            instance.handleRequest(new ByteArrayInputStream(event), out, FixedContext.invocation(name));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An environment that died mid-invocation (fault injection): its answer is lost. */
    static final class EnvironmentCrashed extends RuntimeException {
        EnvironmentCrashed(String function) {
            super("The " + function + " environment died before its answer got out (injected)");
        }
    }

    private RequestStreamHandler sharedEnvironment() {
        RequestStreamHandler instance = shared;
        if (instance == null) {
            synchronized (this) {
                instance = shared;
                if (instance == null) {
                    instance = factory.get();
                    shared = instance;
                }
            }
        }
        return instance;
    }
}
