package dev.shortstack.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OriginVerifierTest {

    @Test
    void onlyRequestsCarryingTheSecretPass() {
        OriginVerifier verifier = OriginVerifier.of("s3cr3t-value");

        assertThat(verifier.verified(request("s3cr3t-value"))).isTrue();
        assertThat(verifier.verified(request("s3cr3t-valuE"))).isFalse();
        assertThat(verifier.verified(request(""))).isFalse();
        assertThat(verifier.verified(request(null))).as("made around the CDN").isFalse();
    }

    @Test
    void aRotatedSecretIsPickedUpOnAMismatchAtMostOncePerMinuteAndThePreviousStaysValid() {
        AtomicLong nanos = new AtomicLong();
        List<List<String>> versions = new ArrayList<>(List.of(List.of("old")));
        int[] reads = {0};
        OriginVerifier verifier = new OriginVerifier(() -> {
            reads[0]++;
            return versions.get(versions.size() - 1);
        }, nanos::get);
        versions.add(List.of("new", "old"));

        assertThat(verifier.verified(request("new"))).as("read a moment ago: not again yet").isFalse();
        nanos.addAndGet(OriginVerifier.REFRESH_NANOS);
        assertThat(verifier.verified(request("new"))).isTrue();
        assertThat(verifier.verified(request("old"))).as("during the rotation").isTrue();
        assertThat(verifier.verified(request("forged"))).isFalse();
        assertThat(reads[0]).isEqualTo(2);
    }

    private static HttpApiRequest request(String secret) {
        ObjectNode event = Fixtures.event("redirect/get-slug.json");
        if (secret != null) {
            event = Fixtures.withHeader(event, OriginVerifier.HEADER, secret);
        }
        return HttpApiRequest.fromEvent(event);
    }
}
