package dev.shortstack.redirect.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.aws.Secrets;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class VisitorHashKeyTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:VisitorHashKey-AbCdEf";

    @Test
    void inAwsTheKeyIsReadFromItsSecretOnce() {
        List<String> asked = new ArrayList<>();
        String key = VisitorHashKey.resolve(Env.of(Map.of(EnvNames.CLICK_IP_HASH_SECRET_ARN, ARN)), new Secrets(() -> secrets(asked)));

        assertThat(key).isEqualTo("secret-from-secrets-manager");
        assertThat(asked).containsExactly(ARN);
    }

    @Test
    void aKeyGivenInTheEnvironmentIsUsedWithoutAskingSecretsManager() {
        List<String> asked = new ArrayList<>();
        String key = VisitorHashKey.resolve(Env.of(Map.of(EnvNames.CLICK_IP_HASH_KEY, "local-key-0123456789")), new Secrets(() -> secrets(asked)));

        assertThat(key).isEqualTo("local-key-0123456789");
        assertThat(asked).isEmpty();
    }

    @Test
    void withNeitherTheStartFailsNamingTheVariable() {
        assertThatThrownBy(() -> VisitorHashKey.resolve(Env.of(Map.of()), new Secrets(() -> secrets(new ArrayList<>()))))
                .hasMessageContaining(EnvNames.CLICK_IP_HASH_SECRET_ARN);
    }

    private static SecretsManagerClient secrets(List<String> asked) {
        return new SecretsManagerClient() {
            @Override
            public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
                asked.add(request.secretId());
                return GetSecretValueResponse.builder().secretString("secret-from-secrets-manager").build();
            }

            @Override
            public String serviceName() {
                return "secretsmanager";
            }

            @Override
            public void close() {
            }
        };
    }
}
