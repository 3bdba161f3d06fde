package dev.shortstack.links.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeySecretsTest {

    @Test
    void generatedKeysParseBackToTheirIdAndMatchOnlyTheirOwnHash() {
        String key = ApiKeySecrets.generate();
        String other = ApiKeySecrets.generate();

        assertThat(key).matches("ssk_[a-z2-7]{12}_[A-Za-z0-9]{32}");
        assertThat(ApiKeySecrets.keyIdOf(key)).hasValue(key.substring(4, 16));
        assertThat(ApiKeySecrets.matches(key, ApiKeySecrets.hash(key))).isTrue();
        assertThat(ApiKeySecrets.matches(other, ApiKeySecrets.hash(key))).isFalse();
        assertThat(ApiKeySecrets.hash(key)).hasSize(64).doesNotContain(key.substring(17));
    }

    @Test
    void textThatIsNotAKeyHasNoId() {
        assertThat(ApiKeySecrets.keyIdOf("ssk_short_x")).isEmpty();
        assertThat(ApiKeySecrets.keyIdOf("ssk_ABCDEFGHIJKL_" + "a".repeat(32))).isEmpty();
        assertThat(ApiKeySecrets.keyIdOf(" ssk_abcdefghijkl_" + "a".repeat(32))).isEmpty();
    }
}
