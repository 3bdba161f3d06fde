package dev.shortstack.emulators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Dynoxide (DynamoDB emulator) as a child process on loopback. */
public final class Dynoxide implements AutoCloseable {
    static final String BINARY_PROPERTY = "shortstack.dynoxide";
    static final String BINARY_ENV = "DYNOXIDE_BIN";
    private static final Path RELATIVE_BINARY = Path.of("local", "emulators", "node_modules", "@dynoxide", "linux-x64", "dynoxide");

    private static final Logger LOG = LoggerFactory.getLogger(Dynoxide.class);
    private final List<String> command;
    private final URI endpoint;
    private volatile Process process;
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();

    private Dynoxide(List<String> command, URI endpoint) {
        this.command = command;
        this.endpoint = endpoint;
    }

    /**
     * Starts Dynoxide, waits for it to listen, and keeps it running: when the child exits unexpectedly (a crash, a
     * SIGKILL) it is started again on the same port and data file, so clients find it where they left it.
     *
     * @param dbFile SQLite file that keeps the data across restarts, or empty for in-memory (lost when the child dies)
     */
    public static Dynoxide start(Optional<Path> dbFile) {
        Path binary = locateBinary();
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(binary.toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port)));
        dbFile.ifPresent(file -> command.addAll(List.of("--db-path", file.toString())));
        Dynoxide dynoxide = new Dynoxide(List.copyOf(command), URI.create("http://127.0.0.1:" + port));
        dynoxide.launch();
        return dynoxide;
    }

    private void launch() {
        Process started;
        try {
            started = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new EmulatorStartException("Could not start Dynoxide at " + command.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<Void> listening = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> pump(started, listening, output), "dynoxide-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.destroyForcibly();
            throw new EmulatorStartException("Interrupted while starting Dynoxide", e);
        } catch (ExecutionException | TimeoutException e) {
            started.destroyForcibly();
            throw new EmulatorStartException("Dynoxide did not start listening at " + endpoint + ". Output:\n" + output, e);
        }
        process = started;
        started.onExit().thenRun(() -> restartUnlessClosing(started));
    }

    /** The child died without being asked to: start it again (at once, then a second after each failed start). */
    private void restartUnlessClosing(Process died) {
        if (closing || process != died) {
            return;
        }
        LOG.warn("Dynoxide (pid {}) exited with {}; starting it again on {}", died.pid(), died.exitValue(), endpoint);
        try {
            launch();
            synchronized (this) {
                restarts.incrementAndGet();
                notifyAll();
            }
        } catch (EmulatorStartException e) {
            LOG.warn("Dynoxide did not start again: {}", e.getMessage());
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> restartUnlessClosing(died));
        }
    }

    /** How many times the child was started again after dying. */
    public int restarts() {
        return restarts.get();
    }

    /** Waits until the child has been started again {@code count} times in all; @return false if that took longer */
    public synchronized boolean awaitRestarts(int count, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (restarts.get() < count) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        closing = true;
        Process process = this.process;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> searchStarts() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(Dynoxide.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: the working directory alone is searched
        }
        return starts;
    }

    private static void pump(Process process, CompletableFuture<Void> listening, StringBuilder output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.contains("listening on")) {
                    listening.complete(null);
                }
            }
            listening.completeExceptionally(new IllegalStateException("Dynoxide exited with " + process.waitFor()));
        } catch (IOException e) {
            listening.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The binary the Maven build installed from npm: an explicit path (system property or
     * environment), else {@code local/emulators/node_modules/...} found upwards from the working
     * directory or from this class's jar, so it works from any folder of a built checkout.
     */
    static Path locateBinary() {
        Optional<String> explicit = Optional.ofNullable(System.getProperty(BINARY_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(BINARY_ENV)));
        if (explicit.isPresent()) {
            Path path = Path.of(explicit.get());
            if (!Files.isExecutable(path)) {
                throw new EmulatorStartException(BINARY_PROPERTY + "/" + BINARY_ENV + " points to " + path + ", which is not an executable file");
            }
            return path;
        }
        for (Path start : searchStarts()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(RELATIVE_BINARY);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new EmulatorStartException("Dynoxide is not installed: run the Maven build from the repository root"
                + " (it runs 'npm ci' in local/emulators), or set " + BINARY_ENV + ". Only linux-x64 is published on npm.");
    }
}
