package dev.shortstack.redirect.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.DynamoPasswordAttempts;
import dev.shortstack.shared.link.PasswordAttempts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Password attempts in the visits table, over HTTP against the emulator. */
@ExtendWith(EmulatorsExtension.class)
class PasswordAttemptsIntegrationTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:07:00Z");

    @Test
    void thirtyParallelGuessesGetExactlyFiveAttemptsAndARightOneIsGivenBack(EmulatedAws aws) throws Exception {
        Stage stage = aws.provision("p" + UUID.randomUUID().toString().substring(0, 8));
        PasswordAttempts attempts = new DynamoPasswordAttempts(aws.dynamo(), stage.resourceEnv().get(EnvNames.VISITS_TABLE));
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OptionalInt>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guesses.add(pool.submit(() -> {
                start.await();
                return attempts.reserve("link-1", "visitor-a", AT);
            }));
        }
        start.countDown();
        List<Integer> granted = new ArrayList<>();
        for (Future<OptionalInt> guess : guesses) {
            guess.get(30, TimeUnit.SECONDS).ifPresent(granted::add);
        }
        pool.shutdown();
        Collections.sort(granted);

        assertThat(granted).containsExactly(1, 2, 3, 4, 5);
        assertThat(attempts.reserve("link-1", "visitor-b", AT)).as("another visitor").hasValue(1);
        assertThat(attempts.reserve("link-2", "visitor-a", AT)).as("another link").hasValue(1);
        assertThat(attempts.reserve("link-1", "visitor-a", AT.plus(PasswordAttempts.WINDOW))).as("the next window").hasValue(1);
        attempts.release("link-1", "visitor-a", AT);
        assertThat(attempts.reserve("link-1", "visitor-a", AT.plusSeconds(60))).as("a right password's attempt given back").hasValue(5);
        assertThat(attempts.reserve("link-1", "visitor-a", AT.plusSeconds(61))).isEmpty();
    }
}
