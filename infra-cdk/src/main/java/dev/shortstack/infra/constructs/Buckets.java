package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig.ArchiveConfig;
import dev.shortstack.shared.infra.BucketDefinition;
import dev.shortstack.shared.infra.ShortstackResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The buckets of {@link ShortstackResources#BUCKETS} plus the web assets and the access-log
 * bucket: encrypted, never public, TLS only, access-logged, with lifecycle rules.
 */
public final class Buckets extends Construct {
    private static final Duration LOG_RETENTION = Duration.days(90);
    private final Bucket accessLogs;
    private final Bucket webAssets;
    private final Map<BucketDefinition, Bucket> buckets = new LinkedHashMap<>();

    /** Buckets are always retained when the stack goes: they hold the raw clicks and the logs. */
    public Buckets(Construct scope, String id, ArchiveConfig archive) {
        super(scope, id);
        // CloudFront's standard logs are delivered with ACLs, so this one bucket keeps them enabled.
        this.accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(LOG_RETENTION).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (BucketDefinition definition : ShortstackResources.BUCKETS) {
            buckets.put(definition, privateBucket(definition.logicalName(), List.of(LifecycleRule.builder()
                    .transitions(List.of(Transition.builder()
                            .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                            .transitionAfter(Duration.days(archive.coldStorageAfterDays()))
                            .build()))
                    .expiration(Duration.days(archive.expireAfterDays()))
                    .build())));
        }
        this.webAssets = privateBucket("web-assets", List.of(LifecycleRule.builder()
                .noncurrentVersionExpiration(Duration.days(30)).build()));
    }

    private Bucket privateBucket(String id, List<LifecycleRule> rules) {
        return Bucket.Builder.create(this, id)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(id + "/")
                .lifecycleRules(rules)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public Bucket bucket(BucketDefinition definition) {
        return buckets.get(definition);
    }

    public Bucket webAssets() {
        return webAssets;
    }

    public Bucket accessLogs() {
        return accessLogs;
    }
}
