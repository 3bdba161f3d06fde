package dev.shortstack.bench.cost;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for {@code System.out} and {@code System.err} so that the bench can weigh what a function
 * writes to them — in Lambda, every byte of both goes to CloudWatch Logs. While a {@link #record()
 * recording} is open, the bytes are counted and the first {@value #KEPT_BYTES} kept as a sample; outside
 * one they pass through to the real standard error, so nothing a library prints is hidden.
 *
 * <p>Install it before anything logs: Log4j's console appender keeps the {@code System.out} it finds
 * when it is configured. The bench's own report goes to {@link #report()}, the real standard output.
 */
public final class CapturedOutput {
    private static final int KEPT_BYTES = 16 * 1024;

    private final PrintStream report;
    private final PrintStream progress;
    private final Object lock = new Object();
    private boolean recording;
    private long recorded;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    private CapturedOutput(PrintStream report, PrintStream progress) {
        this.report = report;
        this.progress = progress;
    }

    /** Replaces {@code System.out} and {@code System.err}; call it first thing in {@code main}. */
    public static CapturedOutput install() {
        CapturedOutput captured = new CapturedOutput(System.out, System.err);
        PrintStream stream = new PrintStream(captured.new Sink(), true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        return captured;
    }

    /** The real standard output, for the report. */
    public PrintStream report() {
        return report;
    }

    /** The real standard error, for progress lines. */
    public PrintStream progress() {
        return progress;
    }

    /** Starts counting afresh what is written from now on. */
    public void record() {
        synchronized (lock) {
            recording = true;
            recorded = 0;
            kept.reset();
        }
    }

    /** Stops counting; @return the bytes written since {@link #record()} */
    public Recording stop() {
        synchronized (lock) {
            recording = false;
            return new Recording(recorded, kept.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * What was written during one recording.
     *
     * @param bytes  every byte written to standard output and standard error
     * @param sample the first bytes of it, as text
     */
    public record Recording(long bytes, String sample) {
    }

    private final class Sink extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (lock) {
                if (!recording) {
                    progress.write(bytes, offset, length);
                    return;
                }
                recorded += length;
                int room = KEPT_BYTES - kept.size();
                if (room > 0) {
                    kept.write(bytes, offset, Math.min(room, length));
                }
            }
        }

        @Override
        public void flush() {
            progress.flush();
        }
    }
}
