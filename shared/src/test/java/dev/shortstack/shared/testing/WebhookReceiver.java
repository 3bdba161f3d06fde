package dev.shortstack.shared.testing;

import com.sun.net.httpserver.HttpServer;
import dev.shortstack.shared.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, as a customer would run one: it records every request and
 * answers with the status it is told; it can go down (its port refuses connections) and come back
 * on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, String eventHeader, String body) {

        /** Whether any of the signatures verifies with the secret, as the Standard Webhooks libraries check it. */
        public boolean signedWith(String secret) {
            byte[] expected = WebhookSigner.sign(secret, id, Long.parseLong(timestamp), body).getBytes(StandardCharsets.UTF_8);
            return Arrays.stream(signature.split(" "))
                    .filter(s -> s.startsWith("v1,"))
                    .anyMatch(s -> MessageDigest.isEqual(s.substring(3).getBytes(StandardCharsets.UTF_8), expected));
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final int port;
    private HttpServer server;

    public WebhookReceiver() {
        this.server = start(0);
        this.port = server.getAddress().getPort();
    }

    private HttpServer start(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
            http.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst(WebhookSigner.ID_HEADER), headers.getFirst(WebhookSigner.TIMESTAMP_HEADER),
                        headers.getFirst(WebhookSigner.SIGNATURE_HEADER), headers.getFirst("x-shortstack-event"),
                        new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(status.get(), -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** What it answers from now on. */
    public void answer(int statusCode) {
        status.set(statusCode);
    }

    /** Stops listening: connections to its port are refused. */
    public synchronized void goDown() {
        server.stop(0);
    }

    /** Listens again, on the same port. */
    public synchronized void comeBack() {
        server = start(port);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
