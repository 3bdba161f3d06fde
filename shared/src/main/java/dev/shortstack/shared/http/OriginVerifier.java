package dev.shortstack.shared.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether a request came through CloudFront: CloudFront adds {@link #HEADER} with a secret value
 * to every request it forwards, so a request made around it (to the execute-api endpoint) lacks it
 * and is refused — and the CloudFront-Viewer-* headers of one that has it can be trusted. The
 * accepted values are read once and again on a mismatch (at most every {@link #REFRESH_NANOS}), so
 * a rotated secret is picked up without a restart; while CloudFront still sends the previous one,
 * both are accepted.
 */
public final class OriginVerifier {
    public static final String HEADER = "x-origin-verify";
    static final long REFRESH_NANOS = 60_000_000_000L;

    private final Supplier<List<String>> acceptedValues;
    private final LongSupplier nanoClock;
    private volatile List<byte[]> accepted;
    private volatile long readAt;

    /** @param acceptedValues the current value and, during a rotation, the previous one */
    public OriginVerifier(Supplier<List<String>> acceptedValues, LongSupplier nanoClock) {
        this.acceptedValues = acceptedValues;
        this.nanoClock = nanoClock;
        this.accepted = read();
        this.readAt = nanoClock.getAsLong();
    }

    public static OriginVerifier of(String value) {
        return new OriginVerifier(() -> List.of(value), System::nanoTime);
    }

    public boolean verified(HttpApiRequest request) {
        byte[] sent = request.header(HEADER).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (sent == null) {
            return false;
        }
        if (matches(sent)) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (now - readAt >= REFRESH_NANOS) {
            synchronized (this) {
                if (now - readAt >= REFRESH_NANOS) {
                    accepted = read();
                    readAt = now;
                }
            }
            return matches(sent);
        }
        return false;
    }

    /** Compared in constant time, so the value cannot be guessed byte by byte. */
    private boolean matches(byte[] sent) {
        boolean match = false;
        for (byte[] value : accepted) {
            match |= MessageDigest.isEqual(value, sent);
        }
        return match;
    }

    private List<byte[]> read() {
        return acceptedValues.get().stream().filter(v -> v != null && !v.isEmpty()).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
