package dev.shortstack.links.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key format {@code ssk_<id>_<secret>}: the id finds the stored item in one GetItem, the
 * 190-bit secret is checked against a SHA-256 hash. A slow password hash is unnecessary for
 * secrets this long, and a fast one keeps authentication off the latency budget.
 */
public final class ApiKeySecrets {
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 12;
    private static final int SECRET_LENGTH = 32;
    private static final Pattern FORMAT = Pattern.compile("ssk_([a-z2-7]{12})_([A-Za-z0-9]{32})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    /** A new key; the caller shows it once and stores only {@link #hash}. */
    public static String generate() {
        return "ssk_" + random(ID_ALPHABET, ID_LENGTH) + "_" + random(SECRET_ALPHABET, SECRET_LENGTH);
    }

    /** The key id, if the text has the shape of a key. */
    public static Optional<String> keyIdOf(String key) {
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Constant-time comparison, so timing does not leak how much of a guess was right. */
    public static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
