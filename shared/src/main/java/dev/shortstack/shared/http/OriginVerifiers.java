package dev.shortstack.shared.http;

import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.aws.Secrets;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;

/** The origin check an HTTP function is configured with: the secret's value locally, its ARN in AWS. */
public final class OriginVerifiers {
    private OriginVerifiers() {
    }

    /** @return null when neither is configured (a function invoked without a CDN in front, as in tests) */
    public static OriginVerifier fromEnv(Env env) {
        String value = env.get(EnvNames.ORIGIN_VERIFY_VALUE, "");
        if (!value.isEmpty()) {
            return OriginVerifier.of(value);
        }
        String secretArn = env.get(EnvNames.ORIGIN_VERIFY_SECRET_ARN, "");
        if (secretArn.isEmpty()) {
            return null;
        }
        Secrets secrets = Secrets.of(AwsClients.fromEnv(env));
        return new OriginVerifier(() -> secrets.currentAndPrevious(secretArn), System::nanoTime);
    }
}
