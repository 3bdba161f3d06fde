package dev.shortstack.infra.constructs;

import dev.shortstack.shared.archive.ArchiveLayout;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * Who may do what under each prefix of the click archive (see {@link ArchiveLayout}). Listing is
 * allowed only under the prefixes a function has to discover objects in (the {@code s3:prefix}
 * condition); compacted files are read by the names the archive catalog gives.
 */
public final class ClickArchiveGrants {
    public static final String RAW = ArchiveLayout.ROOT + "*";
    public static final String COMPACTED = ArchiveLayout.COMPACTED_ROOT + "*";
    public static final String QUARANTINE = ArchiveLayout.QUARANTINE_ROOT + "*";

    private final Bucket archive;

    public ClickArchiveGrants(Bucket archive) {
        this.archive = archive;
    }

    /** The aggregator writes one raw object per batch and hour and never reads one back. */
    public void writeRawObjects(IFunction function) {
        allow(function, List.of("s3:PutObject"), RAW);
    }

    /**
     * The stats API and the jobs worker read clicks: compacted files of closed days, and the raw
     * objects of days not compacted yet, which they list.
     */
    public void readClicks(IFunction function) {
        list(function, RAW);
        allow(function, List.of("s3:GetObject"), RAW, COMPACTED);
    }

    /**
     * The compactor turns a day's raw objects into compacted files and replaces a day's older
     * compacted files. A raw object it cannot read is copied to quarantine and then deleted, so
     * that it stops failing every compaction of its day.
     */
    public void compact(IFunction function) {
        list(function, RAW, COMPACTED);
        allow(function, List.of("s3:GetObject"), RAW, COMPACTED);
        allow(function, List.of("s3:PutObject"), COMPACTED, QUARANTINE);
        allow(function, List.of("s3:DeleteObject"), RAW, COMPACTED);
    }

    private void allow(IFunction function, List<String> actions, String... keyPatterns) {
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(keyPatterns).stream().map(archive::arnForObjects).toList())
                .build());
    }

    private void list(IFunction function, String... keyPatterns) {
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(archive.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(keyPatterns))))
                .build());
    }
}
