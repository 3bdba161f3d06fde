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
 * function's concurrency limit; beyond it, callers wait.
 */
final class FunctionPool {
    private final String name;
    private final Supplier<RequestStreamHandler> factory;
    private final Semaphore concurrency;
    private final BlockingQueue<RequestStreamHandler> idle = new LinkedBlockingQueue<>();

    FunctionPool(String name, Supplier<RequestStreamHandler> factory, int maxConcurrency) {
        this.name = name;
        this.factory = factory;
        this.concurrency = new Semaphore(maxConcurrency, true);
    }

    String name() {
        return name;
    }

    /** Invokes with a JSON event and returns the JSON the function wrote. */
    byte[] invoke(byte[] event) {
        concurrency.acquireUninterruptibly();
        try {
            RequestStreamHandler instance = idle.poll();
            if (instance == null) {
                instance = factory.get();
            }
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                instance.handleRequest(new ByteArrayInputStream(event), out, FixedContext.invocation(name));
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                idle.add(instance);
            }
        } finally {
            concurrency.release();
        }
    }
}
