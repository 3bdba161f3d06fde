package dev.shortstack.shared.click;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a client IP into a visitor id that counts unique visitors per day and nothing more:
 * HMAC-SHA256 under a secret key, with the UTC day mixed in, so the same visitor cannot be
 * followed across days and the IP cannot be recovered by hashing the IPv4 space.
 */
public final class VisitorHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public VisitorHasher(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The visitor hash key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** @return 32 hex characters (128 bits), or null when there is no IP */
    public String hash(String clientIp, LocalDate utcDay) {
        if (clientIp == null || clientIp.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(utcDay.toString().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '|');
            byte[] digest = mac.doFinal(clientIp.trim().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
