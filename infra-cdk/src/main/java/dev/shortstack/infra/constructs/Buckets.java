package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig.ArchiveConfig;
import dev.shortstack.infra.config.StageConfig.AthenaConfig;
import dev.shortstack.infra.config.StageConfig.JobFilesConfig;
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
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The buckets of {@link ShortstackResources#BUCKETS} plus the web assets, Athena's query results
 * and the access-log bucket: encrypted, never public, TLS only, access-logged, with lifecycle rules.
 */
public final class Buckets extends Construct {
    private static final Duration LOG_RETENTION = Duration.days(90);
    private final Bucket accessLogs;
    private final Bucket webAssets;
    private final Bucket queryResults;
    private final Map<BucketDefinition, Bucket> buckets = new LinkedHashMap<>();

    /** Buckets are always retained when the stack goes: they hold the raw clicks and the logs. */
    public Buckets(Construct scope, String id, ArchiveConfig archive, JobFilesConfig jobFiles, AthenaConfig athena) {
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
            Bucket bucket = privateBucket(definition.logicalName(), lifecycle(definition, archive, jobFiles));
            if (definition == ShortstackResources.JOB_FILES) {
                // Browsers (the dashboard) upload and download through presigned URLs: the signature is the access control.
                bucket.addCorsRule(CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET))
                        .allowedOrigins(List.of("*"))
                        .allowedHeaders(List.of("content-type", "content-length"))
                        .exposedHeaders(List.of("ETag"))
                        .maxAge(3600)
                        .build());
            }
            buckets.put(definition, bucket);
        }
        this.webAssets = privateBucket("web-assets", List.of(LifecycleRule.builder()
                .noncurrentVersionExpiration(Duration.days(30)).build()));
        // Results are downloaded once, in the console or by the client that ran the query; then they only cost.
        this.queryResults = privateBucket("athena-results", List.of(LifecycleRule.builder()
                .expiration(Duration.days(athena.resultsExpireAfterDays()))
                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                .build()));
    }

    /** The raw clicks go cold, then away; job files (uploads, reports, exports) simply expire, unfinished uploads after a day. */
    private static List<LifecycleRule> lifecycle(BucketDefinition definition, ArchiveConfig archive, JobFilesConfig jobFiles) {
        if (definition == ShortstackResources.CLICK_ARCHIVE) {
            return List.of(LifecycleRule.builder()
                    .transitions(List.of(Transition.builder()
                            .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                            .transitionAfter(Duration.days(archive.coldStorageAfterDays()))
                            .build()))
                    .expiration(Duration.days(archive.expireAfterDays()))
                    .build());
        }
        if (definition == ShortstackResources.JOB_FILES) {
            return List.of(LifecycleRule.builder()
                    .expiration(Duration.days(jobFiles.expireAfterDays()))
                    .abortIncompleteMultipartUploadAfter(Duration.days(1))
                    .build());
        }
        throw new IllegalArgumentException("No lifecycle rules for bucket " + definition.logicalName());
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

    /** Where the Athena workgroup writes query results. */
    public Bucket queryResults() {
        return queryResults;
    }

    public Bucket accessLogs() {
        return accessLogs;
    }
}
