package dev.shortstack.links.links;

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
