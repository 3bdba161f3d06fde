package dev.shortstack.analytics;

import dev.shortstack.analytics.entrypoints.AnalyticsDependencies;
import dev.shortstack.analytics.store.CounterStore;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.StatsAttributes;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.sqs.SqsRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A fresh emulated stage for analytics tests, and ways to read its realtime and rebuilt totals. */
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

    public AnalyticsDependencies withCounters(CounterStore counters) {
        return new AnalyticsDependencies(deps.classifier(), deps.archive(), counters, deps.rebuild(), deps.jobs(),
                deps.counterShards(), deps.clock());
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

    /** Human plus bot clicks in the realtime hour items of every shard. */
    public long realtimeClicks() {
        return sum(item -> item.get(StatsAttributes.PK).s().startsWith("L#") && item.get(StatsAttributes.SK).s().contains("#H#"));
    }

    /** Human plus bot clicks in the current generation of rebuilt hour items. */
    public long rebuiltClicks() {
        Map<String, String> current = new HashMap<>();
        scan().forEach(item -> {
            String sk = item.get(StatsAttributes.SK).s();
            if (item.get(StatsAttributes.PK).s().startsWith("R#") && sk.endsWith("#current")) {
                current.put(item.get(StatsAttributes.PK).s() + "|" + sk.substring(0, 10), sk.substring(0, 10) + "#g" + item.get(StatsAttributes.GENERATION).n() + "#H#");
            }
        });
        return sum(item -> {
            String pk = item.get(StatsAttributes.PK).s();
            String sk = item.get(StatsAttributes.SK).s();
            String prefix = current.get(pk + "|" + sk.substring(0, 10));
            return pk.startsWith("R#") && prefix != null && sk.startsWith(prefix);
        });
    }

    /** Rebuilt hour items of every generation, current or not. */
    public long rebuiltHourItems() {
        return scan().stream().filter(i -> i.get(StatsAttributes.PK).s().startsWith("R#") && i.get(StatsAttributes.SK).s().contains("#H#")).count();
    }

    private long sum(java.util.function.Predicate<Map<String, AttributeValue>> filter) {
        return scan().stream().filter(filter).mapToLong(item -> n(item, StatsAttributes.HUMAN) + n(item, StatsAttributes.BOT)).sum();
    }

    private java.util.List<Map<String, AttributeValue>> scan() {
        return aws.dynamo().scanPaginator(r -> r.tableName(stage.resourceEnv().get(EnvNames.STATS_TABLE)).consistentRead(true))
                .items().stream().toList();
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
    }
}
