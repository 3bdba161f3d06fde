package dev.shortstack.shared.testing;

import dev.shortstack.shared.link.PasswordAttempts;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** Password attempts in a map, with the same windows and limit as the table's. */
public final class InMemoryPasswordAttempts implements PasswordAttempts {
    private final Map<String, Integer> used = new ConcurrentHashMap<>();

    @Override
    public OptionalInt reserve(String linkId, String visitor, Instant at) {
        int[] now = {0};
        used.compute(key(linkId, visitor, at), (k, count) -> {
            int current = count == null ? 0 : count;
            now[0] = current < MAX_WRONG ? current + 1 : -1;
            return current < MAX_WRONG ? current + 1 : current;
        });
        return now[0] < 0 ? OptionalInt.empty() : OptionalInt.of(now[0]);
    }

    @Override
    public void release(String linkId, String visitor, Instant at) {
        used.computeIfPresent(key(linkId, visitor, at), (k, count) -> Math.max(0, count - 1));
    }

    private static String key(String linkId, String visitor, Instant at) {
        return linkId + "#" + visitor + "#" + PasswordAttempts.windowStart(at);
    }
}
