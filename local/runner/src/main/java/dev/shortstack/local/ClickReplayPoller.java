package dev.shortstack.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.text.Gzip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's subscription filter: every second it hands the replay log's new lines to the replay function, in
 * CloudWatch Logs' own event shape ({@code awslogs.data}: base64 of gzipped JSON), and moves its mark past them only once
 * the function took them; a refusal (SQS still down) is tried again a second later. The mark is kept beside the log, so a
 * restarted runner goes on where it stopped; a line sent twice counts once (clicks are archived once per click id).
 */
final class ClickReplayPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClickReplayPoller.class);
    /** CloudWatch Logs sends at most 10,000 events (1 MB) in one subscription event; a few hundred suit the runner. */
    private static final int MAX_LINES = 500;
    private final Path log;
    private final Path mark;
    private final FunctionPool function;
    private final ScheduledExecutorService timer;
    private volatile boolean failing;

    private ClickReplayPoller(Path log, FunctionPool function) {
        this.log = log;
        this.mark = log.resolveSibling(log.getFileName() + ".replayed");
        this.function = function;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "click-replay");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ClickReplayPoller start(Path log, FunctionPool function) {
        ClickReplayPoller poller = new ClickReplayPoller(log, function);
        poller.timer.scheduleWithFixedDelay(poller::replayQuietly, 1, 1, TimeUnit.SECONDS);
        return poller;
    }

    /** Whether every line logged so far has been replayed (tests wait for it before they count). */
    boolean isCaughtUp() {
        try {
            return !failing && replayedUpTo() >= Files.size(log);
        } catch (IOException e) {
            return false;
        }
    }

    /** Forgets what was replayed, so the whole log goes again (to show that replaying twice counts once). */
    void replayAllAgain() throws IOException {
        synchronized (this) {
            Files.writeString(mark, "0");
        }
    }

    private void replayQuietly() {
        try {
            while (replayBatch()) {
                failing = false;
            }
            failing = false;
        } catch (RuntimeException | IOException e) {
            failing = true;
            LOG.warn("Click replay failed; trying again in a second: {}", e.toString());
        }
    }

    /** @return whether a batch was replayed (more may follow) */
    private synchronized boolean replayBatch() throws IOException {
        long from = replayedUpTo();
        byte[] bytes;
        try (var channel = Files.newByteChannel(log)) {
            long size = channel.size();
            if (size <= from) {
                return false;
            }
            channel.position(from);
            var buffer = java.nio.ByteBuffer.allocate((int) Math.min(size - from, 8L * 1024 * 1024));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read what is there
            }
            bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
        List<String> lines = new ArrayList<>();
        int consumed = 0;
        for (int start = 0; start < bytes.length && lines.size() < MAX_LINES; ) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                break; // a line still being written: next time
            }
            lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
            consumed = end + 1;
            start = end + 1;
        }
        if (lines.isEmpty()) {
            return false;
        }
        function.invoke(subscriptionEvent(lines));
        Files.writeString(mark, Long.toString(from + consumed));
        return true;
    }

    private long replayedUpTo() throws IOException {
        return Files.exists(mark) ? Long.parseLong(Files.readString(mark).strip()) : 0;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** What CloudWatch Logs hands a subscribed function. */
    static byte[] subscriptionEvent(List<String> lines) {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("messageType", "DATA_MESSAGE");
        payload.put("owner", "000000000000");
        payload.put("logGroup", "/aws/lambda/redirect");
        payload.put("logStream", "local-runner");
        payload.putArray("subscriptionFilters").add("click-replay");
        ArrayNode events = payload.putArray("logEvents");
        long now = System.currentTimeMillis();
        for (int i = 0; i < lines.size(); i++) {
            events.addObject().put("id", now + "-" + i).put("timestamp", now).put("message", lines.get(i));
        }
        ObjectNode event = Json.mapper().createObjectNode();
        event.putObject("awslogs").put("data", Base64.getEncoder().encodeToString(Gzip.compress(payload.toString())));
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
