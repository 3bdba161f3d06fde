package dev.shortstack.infra.constructs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The dashboard's built files (web/dist) in the web-assets bucket under {@code app/}, behind
 * CloudFront's {@code /app/*}: files with content hashes in their names are cached for a year
 * and never deleted by a deployment (a browser holding an older index.html still finds them);
 * index.html is never cached, is uploaded after them, and is invalidated on every deployment.
 */
public final class Dashboard extends Construct {
    public static final String KEY_PREFIX = "app/";
    public static final String HASHED_CACHE = "public, max-age=31536000, immutable";
    public static final String INDEX_CACHE = "no-cache";

    public Dashboard(Construct scope, String id, Bucket webAssets, Distribution distribution) {
        super(scope, id);
        String dist = webDist().toString();
        BucketDeployment hashed = BucketDeployment.Builder.create(this, "HashedFiles")
                .sources(List.of(Source.asset(dist, AssetOptions.builder().exclude(List.of("index.html")).build())))
                .destinationBucket(webAssets)
                .destinationKeyPrefix(KEY_PREFIX)
                .cacheControl(List.of(CacheControl.fromString(HASHED_CACHE)))
                .prune(false)
                .build();
        BucketDeployment index = BucketDeployment.Builder.create(this, "Index")
                .sources(List.of(Source.asset(dist, AssetOptions.builder().exclude(List.of("assets", "assets/**")).build())))
                .destinationBucket(webAssets)
                .destinationKeyPrefix(KEY_PREFIX)
                .cacheControl(List.of(CacheControl.fromString(INDEX_CACHE)))
                .prune(false)
                .distribution(distribution)
                .distributionPaths(List.of("/app/", "/app/index.html"))
                .build();
        index.getNode().addDependency(hashed);
    }

    /** Built by the web module (`./mvnw package` runs `npm run build` there). */
    static Path webDist() {
        Path dist = Path.of("..", "web", "dist");
        if (!Files.exists(dist.resolve("index.html"))) {
            throw new IllegalStateException("No dashboard build in " + dist.toAbsolutePath()
                    + ": build it first with ./mvnw -q -DskipTests package");
        }
        return dist;
    }
}
