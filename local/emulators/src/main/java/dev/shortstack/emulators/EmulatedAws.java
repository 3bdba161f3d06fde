package dev.shortstack.emulators;

import dev.shortstack.shared.config.EnvNames;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB, SQS and S3 emulated on loopback: Dynoxide, ElasticMQ and S3Proxy. The same AWS SDK
 * code that runs in Lambda talks to them over HTTP.
 */
public final class EmulatedAws implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret-key";

    private final Dynoxide dynoxide;
    private final ElasticMq elasticMq;
    private final S3ProxyServer s3Proxy;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final S3Client s3;

    private EmulatedAws(Dynoxide dynoxide, ElasticMq elasticMq, S3ProxyServer s3Proxy) {
        this.dynoxide = dynoxide;
        this.elasticMq = elasticMq;
        this.s3Proxy = s3Proxy;
        this.dynamo = dynamoBuilder().build();
        // Loopback only, and the emulated event source mapping receives every click: no MD5 of each body, as in AwsClients.
        this.sqs = SqsClient.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS).checksumValidationEnabled(false)
                .endpointOverride(elasticMq.endpoint()).httpClient(UrlConnectionHttpClient.create()).build();
        // Uploads signed whole, as S3Clients does against an emulator: S3Proxy drops chunk-signed ones part-way.
        this.s3 = S3Client.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(s3Proxy.endpoint()).forcePathStyle(true).serviceConfiguration(s3 -> s3.chunkedEncodingEnabled(false))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Starts all three emulators; on any failure, stops those already started and says which failed.
     *
     * @param dataDir where DynamoDB and S3 data persist across restarts; empty keeps everything in memory
     */
    public static EmulatedAws start(Optional<Path> dataDir) {
        LoopbackOnly.apply();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Optional<Path> dbFile = dataDir.map(dir -> dir.resolve("dynamodb.sqlite"));
            Optional<Path> s3Dir = dataDir.map(dir -> dir.resolve("s3"));
            if (s3Dir.isPresent()) {
                Files.createDirectories(s3Dir.get());
            }
            Dynoxide dynoxide = Dynoxide.start(dbFile);
            started.add(dynoxide);
            ElasticMq elasticMq = ElasticMq.start(REGION);
            started.add(elasticMq);
            S3ProxyServer s3Proxy = S3ProxyServer.start(s3Dir, ACCESS_KEY, SECRET_KEY);
            started.add(s3Proxy);
            return new EmulatedAws(dynoxide, elasticMq, s3Proxy);
        } catch (Exception e) {
            for (AutoCloseable emulator : started) {
                try {
                    emulator.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof EmulatorStartException ese ? ese : new EmulatorStartException(e.getMessage(), e);
        }
    }

    /** Creates (or finds) every table, queue and bucket of a stage from the shared definitions. */
    public Stage provision(String stage) {
        return new ResourceProvisioner(dynamo, sqs, s3).provision(stage);
    }

    /** The environment a function sees in this emulated account, before its own resource variables. */
    public Map<String, String> awsEnv() {
        Map<String, String> env = new HashMap<>();
        env.put(EnvNames.REGION, REGION);
        env.put(EnvNames.ACCESS_KEY_ID, ACCESS_KEY);
        env.put(EnvNames.SECRET_ACCESS_KEY, SECRET_KEY);
        env.put(EnvNames.ENDPOINT_URL + "_DYNAMODB", dynoxide.endpoint().toString());
        env.put(EnvNames.ENDPOINT_URL + "_SQS", elasticMq.endpoint().toString());
        env.put(EnvNames.ENDPOINT_URL + "_S3", s3Proxy.endpoint().toString());
        return env;
    }

    public URI dynamoEndpoint() {
        return dynoxide.endpoint();
    }

    /** How many times Dynoxide was started again after its process died. */
    public int dynoxideRestarts() {
        return dynoxide.restarts();
    }

    /** Waits until Dynoxide has been started again {@code count} times in all; @return false if not within {@code timeout} */
    public boolean awaitDynoxideRestarts(int count, java.time.Duration timeout) throws InterruptedException {
        return dynoxide.awaitRestarts(count, timeout);
    }

    public long dynoxidePid() {
        return dynoxide.pid();
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /** A client of its own that shows every request and answer to {@code watcher} (tests that count what AWS would bill). */
    public DynamoDbClient dynamoWatchedBy(ExecutionInterceptor watcher) {
        return dynamoBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(watcher)).build();
    }

    private DynamoDbClientBuilder dynamoBuilder() {
        return DynamoDbClient.builder().region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(dynoxide.endpoint()).httpClient(UrlConnectionHttpClient.create());
    }

    public SqsClient sqs() {
        return sqs;
    }

    public S3Client s3() {
        return s3;
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
        s3.close();
        s3Proxy.close();
        elasticMq.close();
        dynoxide.close();
    }
}
