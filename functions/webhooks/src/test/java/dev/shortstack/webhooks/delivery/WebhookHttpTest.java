package dev.shortstack.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.WebhookTargets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookHttpTest {

    /**
     * A receiver that answers each request and then closes the connection without saying so, as
     * servers with a short keep-alive do: the next delivery must not fail on the stale connection.
     */
    @Test
    void aReceiverThatClosesKeptAliveConnectionsGetsEveryDelivery() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread receiver = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        readRequest(socket.getInputStream());
                        // Counted before the answer goes out: the client reads the count only after it has the answer.
                        answered.incrementAndGet();
                        OutputStream out = socket.getOutputStream();
                        out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            receiver.setDaemon(true);
            receiver.start();
            WebhookHttp http = new WebhookHttp(new WebhookTargets(true), Clock.systemUTC());
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/hooks";

            for (int i = 0; i < 3; i++) {
                DeliveryAttempt attempt = http.post(url, Map.of("webhook-id", "evt_" + i), "{\"n\":" + i + "}");
                assertThat(attempt.error()).as("delivery %d", i).isNull();
                assertThat(attempt.statusCode()).isEqualTo(204);
            }
            assertThat(answered).hasValue(3);
        }
    }

    /** Reads the head and the Content-Length body of one request. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        int length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        in.readNBytes(length);
    }
}
