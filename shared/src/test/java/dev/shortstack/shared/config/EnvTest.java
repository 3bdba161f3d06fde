package dev.shortstack.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.aws.AwsClients;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void namesEveryMissingVariableAtOnce() {
        Env env = Env.of(Map.of("LINKS_TABLE", "t", "CLICKS_QUEUE_URL", "  "));

        assertThatThrownBy(() -> env.requireAll("LINKS_TABLE", "CLICKS_QUEUE_URL", "VISITS_TABLE"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required environment variable(s): CLICKS_QUEUE_URL, VISITS_TABLE");
    }

    @Test
    void numbersAreCheckedForShapeAndRange() {
        Env env = Env.of(Map.of("A", "12", "B", "lots", "C", "0"));

        assertThat(env.getInt("A", 1, 1, 100)).isEqualTo(12);
        assertThat(env.getInt("MISSING", 8, 1, 100)).isEqualTo(8);
        assertThatThrownBy(() -> env.getInt("B", 1, 1, 100)).hasMessageContaining("B must be a whole number");
        assertThatThrownBy(() -> env.getInt("C", 1, 1, 100)).hasMessageContaining("C must be between 1 and 100");
    }

    @Test
    void awsClientsRefuseAnIncompleteOrMalformedEnvironment() {
        assertThatThrownBy(() -> AwsClients.fromEnv(Env.of(Map.of())))
                .hasMessageContaining("AWS_REGION");
        assertThatThrownBy(() -> AwsClients.fromEnv(Env.of(Map.of("AWS_REGION", "eu-west-1"))))
                .hasMessageContaining("No AWS credentials");
        assertThatThrownBy(() -> AwsClients.fromEnv(Env.of(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b", "AWS_ENDPOINT_URL_SQS", "not a url"))))
                .hasMessageContaining("AWS_ENDPOINT_URL_SQS must be an absolute URL");
    }
}
