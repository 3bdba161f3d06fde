package dev.shortstack.webhooks.delivery;

import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.WebhookTargets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs a signed delivery and says how it went. Redirects are not followed (a webhook URL is
 * where the receiver listens) and there is no proxy (the addresses checked are the addresses used).
 * Connections are kept alive between deliveries to the same receiver.
 */
public final class WebhookHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The whole exchange: a receiver should acknowledge fast and work afterwards. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "Shortstack-Webhooks/1";

    private final OkHttpClient client;
    private final WebhookTargets targets;
    private final Clock clock;

    public WebhookHttp(WebhookTargets targets, Clock clock) {
        this(targets, clock, Dns.SYSTEM);
    }

    /** @param resolver the name service behind the guard (a fake one in tests) */
    WebhookHttp(WebhookTargets targets, Clock clock, Dns resolver) {
        this.targets = targets;
        this.clock = clock;
        this.client = new OkHttpClient.Builder()
                .dns(new GuardedDns(targets, resolver))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                // A receiver may close a kept-alive connection between two deliveries: OkHttp then posts again on a new
                // one instead of failing the attempt. Its other routes are the same checked addresses, so this stays guarded.
                .retryOnConnectionFailure(true)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(CALL_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .build();
    }

    /** One attempt: 2xx is success; any other answer, a refused target, a failed connection or a timeout is not. */
    public DeliveryAttempt post(String url, Map<String, String> headers, String body) {
        Instant at = clock.instant();
        Optional<String> refused = targets.urlViolation(url);
        if (refused.isPresent()) {
            return new DeliveryAttempt(at, null, 0, "Not allowed: the URL " + refused.get());
        }
        Request.Builder request;
        try {
            request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).header("user-agent", USER_AGENT);
        } catch (IllegalArgumentException notAUrlForHttp) {
            return new DeliveryAttempt(at, null, 0, "Not allowed: the URL cannot be requested: " + notAUrlForHttp.getMessage());
        }
        headers.forEach(request::header);
        long start = System.nanoTime();
        try (Response response = client.newCall(request.build()).execute()) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            int code = response.code();
            return code >= 200 && code < 300
                    ? new DeliveryAttempt(at, code, latency, null)
                    : new DeliveryAttempt(at, code, latency, "The endpoint answered " + code + (code >= 300 && code < 400
                    ? " (redirects are not followed: give the final URL)" : ""));
        } catch (GuardedDns.RefusedTargetException e) {
            return new DeliveryAttempt(at, null, 0, "Not allowed: " + e.getMessage());
        } catch (InterruptedIOException e) {
            return new DeliveryAttempt(at, null, elapsed(start), "No answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return new DeliveryAttempt(at, null, elapsed(start), "Connection refused or unreachable: " + e.getMessage());
        } catch (IOException e) {
            return new DeliveryAttempt(at, null, elapsed(start), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
