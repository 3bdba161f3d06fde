package dev.shortstack.bench;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.S3ProxyServer;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.aws.S3Clients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Archive-sized uploads to the embedded S3 emulator, with the SDK's retries off so that every failed
 * request shows: the functions' client ({@code S3Clients}: each upload signed whole against an
 * emulator) against the SDK's default over plain HTTP (aws-chunked, signed chunk by chunk), which
 * S3Proxy sometimes answers before reading the last chunk, closing the connection under the client's
 * write; with the SDK's {@code Expect: 100-continue} that shows as slow uploads and a few failures,
 * without it as many failures. Same run, same emulator, one after the other.
 * Usage: {@code java -cp local/bench/target/shortstack-bench.jar dev.shortstack.bench.S3UploadBench [--puts 6000] [--bytes 20000]}.
 */
public final class S3UploadBench {
    private S3UploadBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("puts", "6000", "bytes", "20000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int puts = Integer.parseInt(options.get("puts"));
        byte[] body = new byte[Integer.parseInt(options.get("bytes"))];
        new Random(1).nextBytes(body);
        try (S3ProxyServer emulator = S3ProxyServer.start(Optional.empty(), EmulatedAws.ACCESS_KEY, EmulatedAws.SECRET_KEY)) {
            AwsClients aws = AwsClients.fromEnv(Env.of(Map.of(EnvNames.REGION, EmulatedAws.REGION,
                    EnvNames.ACCESS_KEY_ID, EmulatedAws.ACCESS_KEY, EnvNames.SECRET_ACCESS_KEY, EmulatedAws.SECRET_KEY,
                    EnvNames.ENDPOINT_URL + "_S3", emulator.endpoint().toString())));
            S3Client functions = withoutRetries(S3Clients.builder(aws), aws, false);
            S3Client chunked = withoutRetries(S3Clients.builder(aws).serviceConfiguration(s3 -> s3.chunkedEncodingEnabled(true)), aws, false);
            S3Client chunkedAtOnce = withoutRetries(S3Clients.builder(aws).serviceConfiguration(s3 -> s3.chunkedEncodingEnabled(true)), aws,
                    true);
            functions.createBucket(r -> r.bucket("upload-bench"));
            System.out.printf("%d uploads of %d bytes each, SDK retries off%n%n", puts, body.length);
            System.out.println("| client | threads | failed uploads | time | failures |");
            System.out.println("| --- | ---: | ---: | ---: | --- |");
            for (int threads : new int[] {1, 32}) {
                row("SDK default over HTTP (aws-chunked, Expect: 100-continue)", chunked, threads, puts, body);
                row("aws-chunked, body sent at once (no Expect)", chunkedAtOnce, threads, puts, body);
                row("S3Clients (signed whole against an emulator)", functions, threads, puts, body);
            }
        }
    }

    /**
     * The functions' settings (region, credentials, endpoint, the URL-connection client with their timeouts) but no retries, so
     * that a failed upload is counted instead of retried: {@code AwsClients.build} would set the SDK's standard retries.
     */
    private static S3Client withoutRetries(S3ClientBuilder builder, AwsClients aws, boolean withoutExpectContinue) {
        return builder.region(aws.region())
                .credentialsProvider(aws.credentials())
                .endpointOverride(aws.endpointOverride("S3").orElseThrow())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(c -> {
                    c.retryPolicy(RetryPolicy.none());
                    if (withoutExpectContinue) {
                        c.addExecutionInterceptor(new WithoutExpectContinue());
                    }
                })
                .build();
    }

    /** The body follows the headers at once, as clients that do not wait for "100 Continue" send it. */
    private static final class WithoutExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }

    private static void row(String name, S3Client s3, int threads, int puts, byte[] body) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> kinds = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < puts; i++) {
            String key = name.hashCode() + "/" + threads + "/" + i;
            pool.submit(() -> {
                try {
                    s3.putObject(r -> r.bucket("upload-bench").key(key), RequestBody.fromBytes(body));
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    synchronized (kinds) {
                        kinds.merge(String.valueOf(e.getMessage()).replaceAll(" \\(SDK Attempt.*", ""), 1, Integer::sum);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        System.out.printf("| %s | %d | %d | %.1f s | %s |%n", name, threads, failed.get(), (System.nanoTime() - started) / 1e9,
                kinds.isEmpty() ? "none" : kinds);
    }
}
