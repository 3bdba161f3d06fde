package dev.shortstack.shared.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aPasswordMatchesItsOwnSaltedHashOnly() {
        String first = PasswordHash.hash("open sesame!", 1000);
        String second = PasswordHash.hash("open sesame!", 1000);

        assertThat(first).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(second).doesNotContain("sesame");
        assertThat(PasswordHash.matches("open sesame!", first)).isTrue();
        assertThat(PasswordHash.matches("open sesame!", second)).isTrue();
        assertThat(PasswordHash.matches("open sesame", first)).isFalse();
        assertThat(PasswordHash.matches("", first)).isFalse();
    }

    @Test
    void theStoredHashCarriesItsCostAndAnythingElseMatchesNothing() {
        assertThat(PasswordHash.hash("x")).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
        assertThat(PasswordHash.matches("x", null)).isFalse();
        assertThat(PasswordHash.matches("x", "x")).isFalse();
        assertThat(PasswordHash.matches("x", "md5$1$a$b")).isFalse();
        assertThat(PasswordHash.matches("x", "pbkdf2-sha256$many$a$b")).isFalse();
        assertThat(PasswordHash.matches("x", "pbkdf2-sha256$10$%%%$b")).isFalse();
    }
}
