package dev.shortstack.shared.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VisitorHasherTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    @Test
    void theSameVisitorIsTheSameWithinADayButNotAcrossDaysOrKeys() {
        VisitorHasher hasher = new VisitorHasher("a-secret-of-enough-length");

        String today = hasher.hash("203.0.113.7", DAY);
        assertThat(today).hasSize(32).matches("[0-9a-f]+").doesNotContain("203");
        assertThat(hasher.hash("203.0.113.7", DAY)).isEqualTo(today);
        assertThat(hasher.hash("203.0.113.8", DAY)).isNotEqualTo(today);
        assertThat(hasher.hash("203.0.113.7", DAY.plusDays(1))).isNotEqualTo(today);
        assertThat(new VisitorHasher("another-secret-of-length").hash("203.0.113.7", DAY)).isNotEqualTo(today);
        assertThat(hasher.hash(null, DAY)).isNull();
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new VisitorHasher("short")).hasMessageContaining("at least 16");
    }
}
