package dev.shortstack.links.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.config.EnvNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The limits' counters against DynamoDB (Dynoxide over HTTP). */
@ExtendWith(EmulatorsExtension.class)
class DynamoRequestLimitsIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.250Z");
    private DynamoRequestLimits limits;

    @BeforeEach
    void freshStage(EmulatedAws aws) {
        String stage = "l" + UUID.randomUUID().toString().substring(0, 8);
        limits = new DynamoRequestLimits(aws.dynamo(), aws.provision(stage).resourceEnv().get(EnvNames.LIMITS_TABLE), 3, 2);
    }

    @Test
    void aKeyMakesItsLimitOfRequestsASecondAndWaitsForTheNextSecondWhileOtherKeysGoOn() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire("key-a", T0)).isEmpty();
        }
        assertThat(limits.acquire("key-a", T0.plusMillis(500))).hasValue(Duration.ofMillis(250));
        assertThat(limits.acquire("key-b", T0.plusMillis(500))).isEmpty();
        assertThat(limits.acquire("key-a", T0.plusMillis(750))).as("the next second").isEmpty();
    }

    @Test
    void aClientIsBlockedForTheRestOfTheMinuteOnceItFailedItsLimitOfTimes() {
        assertThat(limits.blockedClient("203.0.113.7", T0)).isEmpty();
        limits.noteFailure("203.0.113.7", T0);
        assertThat(limits.blockedClient("203.0.113.7", T0)).isEmpty();
        limits.noteFailure("203.0.113.7", T0.plusSeconds(1));
        assertThat(limits.blockedClient("203.0.113.7", T0.plusSeconds(2))).isEqualTo(Optional.of(Duration.ofSeconds(58)));
        assertThat(limits.blockedClient("198.51.100.1", T0.plusSeconds(2))).as("another client").isEmpty();
        assertThat(limits.blockedClient("203.0.113.7", T0.plusSeconds(60))).as("the next minute").isEmpty();
    }
}
