package dev.shortstack.emulators;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ (SQS emulator) embedded in this JVM on loopback. */
public final class ElasticMq implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static ElasticMq start(String region) {
        try {
            SQSRestServer server = SQSRestServerBuilder
                    .withInterface("127.0.0.1")
                    .withDynamicPort()
                    .withAWSRegion(region)
                    .start();
            int port = server.waitUntilStarted().localAddress().getPort();
            return new ElasticMq(server, URI.create("http://127.0.0.1:" + port));
        } catch (RuntimeException e) {
            throw new EmulatorStartException("ElasticMQ did not start: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
