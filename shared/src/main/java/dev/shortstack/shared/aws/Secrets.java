package dev.shortstack.shared.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Secrets read from Secrets Manager when a function needs them, never from its environment. */
public final class Secrets {
    private final Supplier<SecretsManagerClient> client;

    public Secrets(Supplier<SecretsManagerClient> client) {
        this.client = client;
    }

    public static Secrets of(AwsClients aws) {
        return new Secrets(() -> aws.build(SecretsManagerClient.builder(), "SECRETS_MANAGER"));
    }

    public String current(String secretId) {
        try (SecretsManagerClient secrets = client.get()) {
            return secrets.getSecretValue(r -> r.secretId(secretId)).secretString();
        }
    }

    /** The current value and, while a rotation is under way, the previous one. */
    public List<String> currentAndPrevious(String secretId) {
        try (SecretsManagerClient secrets = client.get()) {
            List<String> values = new ArrayList<>();
            values.add(secrets.getSecretValue(r -> r.secretId(secretId)).secretString());
            try {
                values.add(secrets.getSecretValue(r -> r.secretId(secretId).versionStage("AWSPREVIOUS")).secretString());
            } catch (ResourceNotFoundException neverRotated) {
                // only the current value exists
            }
            return values;
        }
    }
}
