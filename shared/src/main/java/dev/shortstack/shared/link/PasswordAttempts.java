package dev.shortstack.shared.link;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Password attempts per visitor and link, in fixed windows: an attempt is reserved before the
 * password is checked (so parallel guesses cannot all slip through) and handed back when it was right,
 * so only wrong ones use up the allowance.
 */
public interface PasswordAttempts {
    int MAX_WRONG = 5;
    Duration WINDOW = Duration.ofMinutes(15);

    /** @return the attempts used in this window including this one, or empty when none is left */
    OptionalInt reserve(String linkId, String visitor, Instant at);

    /** Gives back an attempt that turned out right. */
    void release(String linkId, String visitor, Instant at);

    static Instant windowStart(Instant at) {
        long window = WINDOW.getSeconds();
        return Instant.ofEpochSecond(at.getEpochSecond() / window * window);
    }

    /** Whole seconds until the window of {@code at} ends: a throttled visitor's Retry-After. */
    static long secondsLeft(Instant at) {
        return Math.max(1, windowStart(at).plus(WINDOW).getEpochSecond() - at.getEpochSecond());
    }
}
