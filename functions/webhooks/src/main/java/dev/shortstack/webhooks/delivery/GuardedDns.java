package dev.shortstack.webhooks.delivery;

import dev.shortstack.shared.webhooks.WebhookTargets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;

/**
 * Resolves a webhook's host and refuses it when any of its addresses is internal: the HTTP client
 * then connects only to the addresses checked here, so nothing can swap them in between.
 */
final class GuardedDns implements Dns {
    private final WebhookTargets targets;
    private final Dns resolver;

    /** @param resolver the name service asked (the system's, except in tests) */
    GuardedDns(WebhookTargets targets, Dns resolver) {
        this.targets = targets;
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.lookup(hostname);
        for (InetAddress address : addresses) {
            Optional<String> violation = targets.addressViolation(address);
            if (violation.isPresent()) {
                throw new RefusedTargetException(hostname + " " + violation.get() + "; webhooks go to public addresses only");
            }
        }
        return addresses;
    }

    /** The target is not allowed: no connection was attempted. */
    static final class RefusedTargetException extends UnknownHostException {
        RefusedTargetException(String message) {
            super(message);
        }
    }
}
