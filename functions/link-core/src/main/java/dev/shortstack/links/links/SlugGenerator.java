package dev.shortstack.links.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random slugs: 7 characters from 55 symbols without look-alikes (no 0/O/o, 1/l/I/i), about
 * 1.5 trillion possibilities, drawn from a CSPRNG so slugs cannot be predicted or enumerated.
 */
public final class SlugGenerator {
    public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 7;
    private final SecureRandom random;

    public SlugGenerator(SecureRandom random) {
        this.random = random;
    }

    /**
     * A slug that is a function of {@code seed} (SHA-256, so as unpredictable as the seed):
     * the same import row always asks for the same slug.
     */
    public String derived(String seed) {
        byte[] digest = sha256(seed);
        for (int offset = 0; offset + LENGTH <= digest.length; offset++) {
            StringBuilder sb = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                sb.append(ALPHABET.charAt(Math.floorMod(digest[offset + i], ALPHABET.length())));
            }
            if (!SlugPolicy.isReserved(sb.toString())) {
                return sb.toString();
            }
        }
        return derived(seed + "'");
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public String next() {
        String slug;
        do {
            StringBuilder sb = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            slug = sb.toString();
        } while (SlugPolicy.isReserved(slug));
        return slug;
    }
}
