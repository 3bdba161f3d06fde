package dev.shortstack.shared.aws;

import dev.shortstack.shared.concurrent.Lazy;
import dev.shortstack.shared.config.ConfigException;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS clients once per execution environment. Everything the SDK would otherwise
 * discover by probing (region, credentials, endpoint, HTTP client) is given explicitly: it is
 * faster at cold start and never reaches for the EC2 metadata address.
 *
 * <p>The HTTP client is the JDK's URLConnection one: no extra threads, no native library, the
 * smallest jar; see docs/performance.md for the measurement.
 */
public final class AwsClients {
    private static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Env env;
    private final SdkHttpClient httpClient;
    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<SqsClient> sqs;

    private AwsClients(Region region, AwsCredentialsProvider credentials, Env env) {
        this.region = region;
        this.credentials = credentials;
        this.env = env;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
        this.dynamo = Lazy.of(() -> configure(DynamoDbClient.builder(), "DYNAMODB")
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED)
                .httpClient(httpClient)
                .build());
        // TLS already protects every message body; the SDK's own MD5 of each one is CPU on every redirect.
        this.sqs = Lazy.of(() -> configure(SqsClient.builder(), "SQS").checksumValidationEnabled(false).httpClient(httpClient).build());
    }

    /**
     * Reads region, credentials and the optional endpoint override from the environment that
     * Lambda (or the local runner) provides. Plain Lambda sets the role's session credentials as
     * variables for the life of the environment; SnapStart instead hands out a container
     * credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI), which is used when no keys are set.
     */
    public static AwsClients fromEnv(Env env) {
        env.requireAll(EnvNames.REGION);
        AwsClients clients = new AwsClients(Region.of(env.require(EnvNames.REGION)), credentialsFrom(env), env);
        // Parsed now so that a malformed override fails the cold start, not the first request.
        clients.endpointFor("DYNAMODB");
        clients.endpointFor("SQS");
        return clients;
    }

    private static AwsCredentialsProvider credentialsFrom(Env env) {
        Optional<String> accessKey = env.optional(EnvNames.ACCESS_KEY_ID);
        if (accessKey.isPresent()) {
            String secretKey = env.require(EnvNames.SECRET_ACCESS_KEY);
            AwsCredentials creds = env.optional(EnvNames.SESSION_TOKEN)
                    .<AwsCredentials>map(token -> AwsSessionCredentials.create(accessKey.get(), secretKey, token))
                    .orElseGet(() -> AwsBasicCredentials.create(accessKey.get(), secretKey));
            return StaticCredentialsProvider.create(creds);
        }
        if (env.optional(CONTAINER_CREDENTIALS_URI).isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        throw new ConfigException("No AWS credentials: set " + EnvNames.ACCESS_KEY_ID + " and "
                + EnvNames.SECRET_ACCESS_KEY + " (Lambda sets them, or " + CONTAINER_CREDENTIALS_URI + " under SnapStart)");
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    /**
     * Any other service's client, configured like the two above: for functions that need one
     * this module does not depend on (S3).
     *
     * @param service the SDK's service id as it appears in {@code AWS_ENDPOINT_URL_<SERVICE>}
     */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder, String service) {
        return configure(builder, service).httpClient(httpClient).build();
    }

    /** The region and credentials every client uses, for SDK builders that are not clients (the S3 presigner). */
    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** A service's endpoint override, if any (see {@link #endpointOverridden}). */
    public Optional<URI> endpointOverride(String service) {
        return endpointFor(service);
    }

    /** Whether a service's endpoint is overridden (an emulator or LocalStack, which want S3 path-style). */
    public boolean endpointOverridden(String service) {
        return endpointFor(service).isPresent();
    }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}, as the SDK itself reads them. */
    private Optional<URI> endpointFor(String service) {
        String specific = EnvNames.ENDPOINT_URL + "_" + service;
        return env.optional(specific).map(raw -> parseEndpoint(specific, raw))
                .or(() -> env.optional(EnvNames.ENDPOINT_URL).map(raw -> parseEndpoint(EnvNames.ENDPOINT_URL, raw)));
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        // Every setting the SDK would otherwise look up in profile files and the environment.
        builder.region(region)
                .credentialsProvider(credentials)
                .defaultsMode(DefaultsMode.IN_REGION)
                .dualstackEnabled(false)
                .fipsEnabled(false)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(10))
                        .build());
        endpointFor(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    private static URI parseEndpoint(String variable, String raw) {
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable + " must be an absolute URL, got '" + raw + "'");
        }
    }
}
