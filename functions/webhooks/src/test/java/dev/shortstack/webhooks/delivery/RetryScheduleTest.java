package dev.shortstack.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.infra.ShortstackResources;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule defaults = new RetrySchedule(RetrySchedule.DEFAULT_BASE, RetrySchedule.DEFAULT_MAX,
            ShortstackResources.WEBHOOK_DELIVERIES.maxReceiveCount());

    @Test
    void eachWaitDoublesFromThirtySecondsUpToFourHours() {
        assertThat(IntStream.rangeClosed(1, 12).mapToObj(defaults::delayAfter).map(Duration::toSeconds).toList())
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3840L, 7680L, 14400L, 14400L, 14400L);
    }

    @Test
    void theDefaultRetriesSpanAboutADayBeforeTheLastAttempt() {
        int attempts = ShortstackResources.WEBHOOK_DELIVERIES.maxReceiveCount();
        long waited = IntStream.range(1, attempts).mapToLong(a -> defaults.delayAfter(a).toSeconds()).sum();
        assertThat(Duration.ofSeconds(waited)).isBetween(Duration.ofHours(20), Duration.ofHours(30));
        assertThat(defaults.isLast(attempts - 1)).isFalse();
        assertThat(defaults.isLast(attempts)).isTrue();
    }

    @Test
    void aScheduleNeverWaitsLongerThanSqsCanHideAMessage() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(12), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(8), 15).delayAfter(40)).isEqualTo(Duration.ofSeconds(8));
    }
}
