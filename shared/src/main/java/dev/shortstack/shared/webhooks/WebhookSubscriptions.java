package dev.shortstack.shared.webhooks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which events a workspace's active endpoints subscribe to, remembered for a while. Producers of
 * rare events (link changes, finished jobs) ask every time; the aggregator asks for every batch of
 * clicks and remembers the answer for a few seconds, so a workspace without webhooks costs it one
 * small read now and then, and a new endpoint starts receiving clicks within that time.
 */
public final class WebhookSubscriptions {
    public static final int DEFAULT_CACHE_SECONDS = 15;
    private final LoadingCache<String, Set<WebhookEventType>> subscribed;

    public WebhookSubscriptions(WebhookStore store, Duration cacheFor) {
        this.subscribed = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(cacheFor)
                .build(workspace -> {
                    Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
                    store.endpoints(workspace).stream().filter(WebhookEndpoint::isActive).forEach(e -> types.addAll(e.events()));
                    return types;
                });
    }

    /** For the aggregator: {@code WEBHOOK_SUBSCRIPTION_CACHE_SECONDS}, else {@link #DEFAULT_CACHE_SECONDS}. */
    public static Duration cacheFromEnv(Env env) {
        return Duration.ofSeconds(env.getLong(EnvNames.WEBHOOK_SUBSCRIPTION_CACHE_SECONDS, DEFAULT_CACHE_SECONDS, 0, 3600));
    }

    public boolean wants(String workspaceId, WebhookEventType type) {
        return subscribed.get(workspaceId).contains(type);
    }

    /** Forgets a workspace: this environment changed its endpoints and sees the change at once. */
    public void forget(String workspaceId) {
        subscribed.invalidate(workspaceId);
    }
}
