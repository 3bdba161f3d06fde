package dev.shortstack.shared.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * A longer retry budget for the few requests whose failure costs far more than waiting: a message's early retry (else
 * it waits out its queue's visibility timeout, 30 minutes for jobs) and the delete of a handled message (else it is
 * handled again). The SDK's standard retry rules, with 8 attempts backing off from 1 s to 8 s, about 40 s in all:
 * enough for a service that drops out for seconds, inside the callers' function timeouts (60 s and more).
 */
public final class PatientRequest {
    public static final Duration BUDGET = Duration.ofSeconds(50);

    private static final RetryStrategy RETRIES = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(8)
            .backoffStrategy(BackoffStrategy.exponentialDelayHalfJitter(Duration.ofSeconds(1), Duration.ofSeconds(8)))
            // The client's shared retry quota would stop retrying exactly when a dependency is down for a while.
            .circuitBreakerEnabled(false)
            .build();
    private static final SdkPlugin PATIENT = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder().retryStrategy(RETRIES).build());

    /** Give this to a request builder's {@code overrideConfiguration}. */
    public static final AwsRequestOverrideConfiguration CONFIG = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(BUDGET)
            .addPlugin(PATIENT)
            .build();

    private PatientRequest() {
    }
}
