package dev.shortstack.shared.click;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Archive keys: {@code clicks/dt=YYYY-MM-DD/hour=HH/<id>.jsonl.gz}, where the id is a hash of the
 * object's sorted click ids, so a batch delivered again writes the same key and overwrites.
 */
public final class ArchiveLayout {
    public static final String ROOT = "clicks/";

    private ArchiveLayout() {
    }

    public static String dayPrefix(LocalDate day) {
        return ROOT + "dt=" + day + "/";
    }

    public static String hourPrefix(LocalDate day, int hour) {
        return dayPrefix(day) + String.format("hour=%02d/", hour);
    }

    public static String key(LocalDate day, int hour, Collection<String> clickIds) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            clickIds.stream().sorted().forEach(id -> {
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return hourPrefix(day, hour) + HexFormat.of().formatHex(digest.digest(), 0, 16) + ".jsonl.gz";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
