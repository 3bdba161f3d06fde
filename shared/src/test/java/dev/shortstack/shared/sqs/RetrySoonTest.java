package dev.shortstack.shared.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job message's early retry must survive SQS dropping out for a few seconds: a plain call gives up after the
 * client's 3 attempts and the message then waits the jobs queue's 30-minute visibility timeout.
 */
class RetrySoonTest {
    private static final String QUEUE_URL = "http://127.0.0.1/000000000000/jobs";

    private HttpServer sqs;
    private final AtomicInteger unavailableAnswersLeft = new AtomicInteger();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void playSqs() throws IOException {
        sqs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        sqs.createContext("/", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean unavailable = unavailableAnswersLeft.getAndDecrement() > 0;
            if (!unavailable) {
                changes.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
            }
            byte[] answer = (unavailable ? "{\"__type\":\"ServiceUnavailable\",\"message\":\"down\"}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(unavailable ? 503 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sqs.start();
    }

    @AfterEach
    void stop() {
        sqs.stop(0);
    }

    @Test
    void theVisibilityChangeOutlastsAFewSecondsOfSqsRefusingIt() {
        unavailableAnswersLeft.set(4);

        retrySoon().after(new SqsRecord("m-1", "{}", 1, "receipt-1"), Duration.ofSeconds(30));

        assertThat(requests).hasValue(5);
        assertThat(changes).singleElement().satisfies(change -> assertThat(change)
                .startsWith("AmazonSQS.ChangeMessageVisibility ")
                .contains("\"ReceiptHandle\":\"receipt-1\"", "\"VisibilityTimeout\":30"));
    }

    @Test
    void aMessageWithoutReceiptIsLeftAlone() {
        retrySoon().after(new SqsRecord("m-2", "{}", 1, null), Duration.ofSeconds(30));

        assertThat(requests).hasValue(0);
    }

    private RetrySoon retrySoon() {
        AwsClients aws = AwsClients.fromEnv(Env.of(Map.of(
                EnvNames.REGION, "us-east-1",
                EnvNames.ACCESS_KEY_ID, "test",
                EnvNames.SECRET_ACCESS_KEY, "test",
                EnvNames.ENDPOINT_URL, "http://127.0.0.1:" + sqs.getAddress().getPort())));
        return RetrySoon.sqs(aws.sqs(), QUEUE_URL);
    }
}
