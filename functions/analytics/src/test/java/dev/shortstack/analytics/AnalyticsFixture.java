package dev.shortstack.analytics;

import dev.shortstack.analytics.entrypoints.AnalyticsDependencies;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.sqs.SqsRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A fresh emulated stage for aggregator tests, and ways to read back what it archived. */
public final class AnalyticsFixture {
    public static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    private final EmulatedAws aws;
    private final Stage stage;
    private final AnalyticsDependencies deps;

    public AnalyticsFixture(EmulatedAws aws) {
        this.aws = aws;
        this.stage = aws.provision("a" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> env = new HashMap<>(aws.awsEnv());
        env.putAll(stage.resourceEnv());
        this.deps = AnalyticsDependencies.fromEnv(Env.of(env));
    }

    public AnalyticsDependencies deps() {
        return deps;
    }

    public Stage stage() {
        return stage;
    }

    public static ClickEvent click(String linkId, String at, String agent) {
        String id = UUID.randomUUID().toString();
        return new ClickEvent(1, id, "slug-" + linkId, linkId, "ws", at, "GET", 302, agent, null, "en", "DE", "visitor-" + id);
    }

    public static SqsRecord message(ClickEvent event, int receiveCount) {
        try {
            return new SqsRecord(event.clickId() + "-" + receiveCount, Json.mapper().writeValueAsString(event), receiveCount);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of every raw archive object, in key order. */
    public List<String> archiveKeys() {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket()).prefix(ArchiveLayout.ROOT)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** Every archived click, read back through the one codec, as often as the archive holds it. */
    public List<ArchivedClick> archivedClicks() {
        List<ArchivedClick> clicks = new ArrayList<>();
        for (String key : archiveKeys()) {
            clicks.addAll(ArchiveCodec.decode(key, aws.s3().getObjectAsBytes(r -> r.bucket(bucket()).key(key)).asByteArray()));
        }
        return clicks;
    }

    /** How many items the stats table holds (the catalog is its only per-click writer). */
    public long statsItems() {
        return aws.dynamo().scanPaginator(r -> r.tableName(stage.resourceEnv().get(EnvNames.STATS_TABLE))).items().stream().count();
    }

    private String bucket() {
        return stage.resourceEnv().get(EnvNames.CLICK_ARCHIVE_BUCKET);
    }
}
