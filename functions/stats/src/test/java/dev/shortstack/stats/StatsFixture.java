package dev.shortstack.stats;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.DynamoArchiveCatalog;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.Link;
import dev.shortstack.stats.entrypoints.StatsDependencies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A fresh emulated stage with the stats functions' dependencies, and ways to fill its archive. */
public final class StatsFixture {
    public static final String WORKSPACE = "ws";
    public static final String SHORT_BASE_URL = "https://sho.rt";
    private final EmulatedAws aws;
    private final Stage stage;
    private final StatsDependencies deps;

    public StatsFixture(EmulatedAws aws) {
        this.aws = aws;
        this.stage = aws.provision("s" + UUID.randomUUID().toString().substring(0, 8));
        this.deps = StatsDependencies.fromEnv(Env.of(env()));
    }

    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>(aws.awsEnv());
        env.putAll(stage.resourceEnv());
        env.put(EnvNames.SHORT_BASE_URL, SHORT_BASE_URL);
        // go.sho.rt is the fixture key's workspace's (the stats API tests sign in with it), team.example another's.
        env.put(EnvNames.SHORT_DOMAINS, "go.sho.rt=" + dev.shortstack.shared.testing.Fixtures.WORKSPACE + ",team.example=other");
        return env;
    }

    /** The archive's reader, engine and store, for a compaction or stats service on a clock of the test's. */
    public ArchiveAccess archiveAccess() {
        Map<String, String> env = env();
        return ArchiveAccess.fromEnv(Env.of(env), AwsClients.fromEnv(Env.of(env)), new Observability("test"), 20);
    }

    public StatsDependencies deps() {
        return deps;
    }

    public ArchiveCatalog catalog() {
        return new DynamoArchiveCatalog(aws.dynamo(), stage.resourceEnv().get(EnvNames.STATS_TABLE));
    }

    public Stage stage() {
        return stage;
    }

    public static Link link(String slug, String linkId) {
        Instant created = Instant.parse("2026-11-01T00:00:00Z");
        return new Link(slug, linkId, WORKSPACE, "https://example.com/" + slug, 302, created, created, null, null, List.of(), false, 1, "k");
    }

    /** A human click (Chrome on Windows, country and language as given) with a fresh id. */
    public static ArchivedClick human(String linkId, String at, String country, String language, String visitor) {
        ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "slug-" + linkId, linkId,
                WORKSPACE, at, "GET", 302, "Mozilla/5.0 Chrome/126.0", "https://news.example/a", language, country, visitor);
        return ArchivedClick.human(event, country, "news.example", "desktop", "Windows", "Chrome", language);
    }

    /** A human click that the named targeting rule served (null: the link's own URL). */
    public static ArchivedClick servedBy(String linkId, String at, String rule, String visitor) {
        ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "slug-" + linkId, linkId,
                WORKSPACE, at, "GET", 302, "Mozilla/5.0 Chrome/126.0", null, "en", "US", visitor, rule);
        return ArchivedClick.human(event, "US", "(direct)", "desktop", "Windows", "Chrome", "en");
    }

    public static ArchivedClick bot(String linkId, String at, String name) {
        ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "slug-" + linkId, linkId,
                WORKSPACE, at, "GET", 302, name + "/1.0", null, null, null, null);
        return ArchivedClick.bot(event, name);
    }

    /** Writes one raw archive object as the aggregator does; the clicks' hour names the key. */
    public String archive(List<ArchivedClick> clicks) {
        Instant at = Instant.parse(clicks.get(0).occurredAt());
        String key = ArchiveLayout.key(LocalDate.ofInstant(at, ZoneOffset.UTC), at.atZone(ZoneOffset.UTC).getHour(),
                clicks.stream().map(ArchivedClick::clickId).toList());
        put(key, ArchiveCodec.encode(clicks));
        return key;
    }

    public void put(String key, byte[] bytes) {
        aws.s3().putObject(r -> r.bucket(bucket()).key(key), RequestBody.fromBytes(bytes));
    }

    public List<String> keys(String prefix) {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket()).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private String bucket() {
        return stage.resourceEnv().get(EnvNames.CLICK_ARCHIVE_BUCKET);
    }
}
