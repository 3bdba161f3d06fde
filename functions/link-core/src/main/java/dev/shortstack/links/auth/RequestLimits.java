package dev.shortstack.links.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The API's abuse limits: requests per key, failed authentications per client. */
public interface RequestLimits {
    /** No limits (unit tests of other things). */
    RequestLimits NONE = new RequestLimits() {
        @Override
        public Optional<Duration> acquire(String keyId, Instant now) {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> blockedClient(String client, Instant now) {
            return Optional.empty();
        }

        @Override
        public void noteFailure(String client, Instant now) {
        }
    };

    /** Counts a request of the key. @return empty when it may go on, else how long to wait */
    Optional<Duration> acquire(String keyId, Instant now);

    /** @return how long the client must wait when it failed to authenticate too often lately, else empty */
    Optional<Duration> blockedClient(String client, Instant now);

    /** Counts a failed authentication of the client. */
    void noteFailure(String client, Instant now);
}
