package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig.AthenaConfig;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The Athena workgroup for queries over {@link ClickTable}. Its settings override the client's
 * (enforced), so every query is bounded by the stage's bytes-scanned cutoff and writes encrypted
 * results to the results bucket, whoever runs it and however.
 */
public final class QueryWorkgroup extends Construct {
    private final CfnWorkGroup workgroup;

    public QueryWorkgroup(Construct scope, String id, String stage, AthenaConfig config, Bucket results) {
        super(scope, id);
        this.workgroup = CfnWorkGroup.Builder.create(this, "WorkGroup")
                .name("shortstack-" + stage)
                .description("Shortstack " + stage + ": SQL over the compacted click archive")
                .state("ENABLED")
                // Saved queries and history go with the workgroup when the stack is deleted; the results stay in their bucket.
                .recursiveDeleteOption(true)
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .bytesScannedCutoffPerQuery(config.bytesScannedCutoffPerQuery())
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .engineVersion(CfnWorkGroup.EngineVersionProperty.builder().selectedEngineVersion("AUTO").build())
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation("s3://" + results.getBucketName() + "/")
                                .expectedBucketOwner(Stack.of(this).getAccount())
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_S3")
                                        .build())
                                .build())
                        .build())
                .build();
    }

    public String name() {
        return workgroup.getRef();
    }
}
