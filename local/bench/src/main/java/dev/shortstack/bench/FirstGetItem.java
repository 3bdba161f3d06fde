package dev.shortstack.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs in a fresh JVM: builds a DynamoDB client on one HTTP client implementation and makes one
 * GetItem, as a function's first request does; prints {@code ANSWERED} when it returns.
 */
public final class FirstGetItem {
    private FirstGetItem() {
    }

    public static void main(String[] args) {
        SdkHttpClient http = switch (args[0]) {
            case "urlconnection" -> UrlConnectionHttpClient.create();
            case "apache5" -> Apache5HttpClient.create();
            case "crt" -> AwsCrtHttpClient.create();
            default -> throw new IllegalArgumentException(args[0]);
        };
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret-key")))
                .endpointOverride(URI.create(args[1]))
                .httpClient(http)
                .build()) {
            dynamo.getItem(r -> r.tableName(args[2]).key(Map.of("slug", AttributeValue.fromS("bench"))));
        }
        System.out.println("ANSWERED");
        System.out.flush();
        System.exit(0);
    }
}
