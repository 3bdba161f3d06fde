package dev.shortstack.links.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "My-Launch_2026", "A1b", "sixty-four-characters-long-slug-sixty-four-characters-long-slug-"})
    void customSlugsOfTheAllowedShapeAreAccepted(String slug) {
        assertThat(SlugPolicy.violation(slug)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "has space", "dot.ted", "slash/ed", "ünï", "emoji😀", "v1", "API", "Health", "metrics",
            "a-very-long-slug-that-goes-on-and-on-and-on-beyond-sixty-four-chars"})
    void malformedOrReservedSlugsAreRefused(String slug) {
        assertThat(SlugPolicy.violation(slug)).isPresent();
    }

    @Test
    void slugsAreCaseSensitiveButReservationIsNot() {
        assertThat(SlugPolicy.violation("Launch")).isEmpty();
        assertThat(SlugPolicy.isReserved("STATIC")).isTrue();
    }

    @Test
    void randomSlugsAreUnambiguousWellSpreadAndNeverReserved() {
        SlugGenerator generator = new SlugGenerator(new SecureRandom());
        Set<String> seen = new HashSet<>();
        int[] counts = new int[128];
        for (int i = 0; i < 20_000; i++) {
            String slug = generator.next();
            assertThat(slug).hasSize(7).matches("[2-9a-hjkmnp-zA-HJ-NP-Z]{7}");
            assertThat(SlugPolicy.violation(slug)).isEmpty();
            seen.add(slug);
            slug.chars().forEach(c -> counts[c]++);
        }
        assertThat(seen).hasSize(20_000);
        // 140,000 characters over 55 symbols: about 2,545 each; a biased generator would stray far.
        for (char c : SlugGenerator.ALPHABET.toCharArray()) {
            assertThat(counts[c]).isBetween(2_200, 2_900);
        }
    }
}
