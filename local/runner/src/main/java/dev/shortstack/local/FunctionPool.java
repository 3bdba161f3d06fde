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

    /** Invokes with a JSON event and returns the JSON the function wrote. */
    byte[] invoke(byte[] event) {
        concurrency.acquireUninterruptibly();
        try {
            if (shareOneEnvironment) {
                return invoke(sharedEnvironment(), event);
            }
            RequestStreamHandler instance = idle.poll();
            if (instance == null) {
                instance = factory.get();
            }
            try {
                return invoke(instance, event);
            } finally {
                idle.add(instance);
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
