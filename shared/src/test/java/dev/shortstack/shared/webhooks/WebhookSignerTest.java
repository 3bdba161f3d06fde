package dev.shortstack.shared.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The Standard Webhooks specification's own test vector: receivers using its libraries verify what we send. */
    @Test
    void signsAsTheStandardWebhooksSpecificationsTestVectorSays() {
        String signature = WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void whileARotatedSecretIsHonouredTheHeaderCarriesOneSignatureForEachSecret() {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        String header = WebhookSigner.signatureHeader(List.of(current, previous), "evt_1", 1_800_000_000L, "{}");
        assertThat(header.split(" ")).containsExactly(
                "v1," + WebhookSigner.sign(current, "evt_1", 1_800_000_000L, "{}"),
                "v1," + WebhookSigner.sign(previous, "evt_1", 1_800_000_000L, "{}"));
    }

    @Test
    void secretsAreFreshAndAHintShowsOnlyTheirStart() {
        String a = WebhookSigner.newSecret();
        String b = WebhookSigner.newSecret();
        assertThat(a).startsWith("whsec_").hasSize(6 + 44).isNotEqualTo(b);
        assertThat(WebhookSigner.hint(a)).isEqualTo(a.substring(0, 10) + "…");
    }

    @Test
    void anyChangeToTheIdTimestampOrBodyChangesTheSignature() {
        String secret = WebhookSigner.newSecret();
        String base = WebhookSigner.sign(secret, "evt_1", 100, "{\"a\":1}");
        assertThat(WebhookSigner.sign(secret, "evt_2", 100, "{\"a\":1}")).isNotEqualTo(base);
        assertThat(WebhookSigner.sign(secret, "evt_1", 101, "{\"a\":1}")).isNotEqualTo(base);
        assertThat(WebhookSigner.sign(secret, "evt_1", 100, "{\"a\":2}")).isNotEqualTo(base);
    }
}
