package dev.shortstack.links.auth;

import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;

/** The API functions' abuse limits as the stage configures them (stages.json's api section). */
public final class RequestLimitsFromEnv {
    private RequestLimitsFromEnv() {
    }

    public static RequestLimits of(Env env, AwsClients aws) {
        return new DynamoRequestLimits(aws.dynamo(), env.require(EnvNames.LIMITS_TABLE),
                env.getInt(EnvNames.API_KEY_REQUESTS_PER_SECOND, DynamoRequestLimits.DEFAULT_KEY_REQUESTS_PER_SECOND, 1, 100_000),
                env.getInt(EnvNames.API_AUTH_FAILURES_PER_MINUTE, DynamoRequestLimits.DEFAULT_AUTH_FAILURES_PER_MINUTE, 1, 10_000));
    }
}
