package dev.shortstack.redirect.entrypoints;

import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.aws.Secrets;

/**
 * The secret the visitor hash is keyed with. In AWS it lives in Secrets Manager and is read once
 * when the environment starts, so it never appears in the function's configuration; the local
 * runner and tests, which have no Secrets Manager, give it in the environment instead.
 */
final class VisitorHashKey {
    private VisitorHashKey() {
    }

    static String resolve(Env env, Secrets secrets) {
        String given = env.get(EnvNames.CLICK_IP_HASH_KEY, "");
        if (!given.isEmpty()) {
            return given;
        }
        return secrets.current(env.require(EnvNames.CLICK_IP_HASH_SECRET_ARN));
    }
}
