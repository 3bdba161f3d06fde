package dev.shortstack.stats.entrypoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.keys.ApiKeyService;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.infra.TableDefinition;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.testing.Fixtures;
import dev.shortstack.shared.testing.TableSnapshot;
import dev.shortstack.stats.StatsFixture;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stats API function over a fresh emulated stage, with the fixture admin key, the links the
 * sample events name ({@code launch-2026}, {@code spring-sale}) and a few archived clicks of
 * {@code launch-2026} around 26 and 27 November 2026.
 */
final class StatsApiTestbed {
    final StatsFixture fixture;
    final StatsApiFunction function;
    final ApiKeyService keys;
    final Link launch;

    StatsApiTestbed(EmulatedAws aws) {
        this.fixture = new StatsFixture(aws);
        this.function = new StatsApiFunction(fixture.deps());
        this.keys = new ApiKeyService(new DynamoApiKeyStore(aws.dynamo(), table(EnvNames.API_KEYS_TABLE)), Clock.systemUTC());
        keys.importKey(Fixtures.ADMIN_KEY, Fixtures.WORKSPACE, Role.ADMIN, "fixture admin");
        Caller admin = new Caller("fixture", Fixtures.WORKSPACE, Role.ADMIN);
        this.launch = fixture.deps().links().create(admin, new NewLink("https://example.com/launch", "launch-2026", null, null, 302, List.of()));
        fixture.deps().links().create(admin, new NewLink("https://example.com/sale", "spring-sale", null, null, 302, List.of()));
        fixture.deps().links().create(new Caller("x", "other-team", Role.ADMIN),
                new NewLink("https://example.com/theirs", "foreign-slug", null, null, 302, List.of()));
        // Berlin is UTC+1 in November: its 26th starts at 25th 23:00 UTC.
        fixture.archive(List.of(human("2026-11-25T23:30:00Z", "DE", "a")));
        fixture.archive(List.of(human("2026-11-26T12:00:00Z", "FR", "a")));
        fixture.archive(List.of(human("2026-11-27T22:30:00Z", "DE", "b"), bot("2026-11-27T22:40:00Z"), human("2026-11-27T23:30:00Z", "DE", "c")));
    }

    /** Archives {@code humans} people's and {@code bots} bots' clicks of launch-2026 at {@code at}, in one raw object. */
    void archiveLaunchClicks(String at, int humans, int bots) {
        List<ArchivedClick> clicks = new java.util.ArrayList<>();
        for (int i = 0; i < humans; i++) {
            clicks.add(human(at, "DE", "live-" + i));
        }
        for (int i = 0; i < bots; i++) {
            clicks.add(bot(at));
        }
        fixture.archive(clicks);
    }

    JsonNode invoke(ObjectNode event) {
        return LambdaInvoker.invoke(function, "stats-api", event);
    }

    String key(String workspace, Role role) {
        return keys.issue(workspace, role, role.wireName() + " test key").plaintext();
    }

    String table(String envVar) {
        return fixture.stage().resourceEnv().get(envVar);
    }

    String compactionQueueUrl() {
        return fixture.stage().queueUrl(ShortstackResources.COMPACTIONS);
    }

    /** Every item of every table (but the API's request bookkeeping), to prove a request wrote nothing. */
    Set<Map<String, AttributeValue>> snapshot(EmulatedAws aws) {
        return TableSnapshot.of(aws.dynamo(), this::table);
    }

    private ArchivedClick human(String at, String country, String visitor) {
        ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), launch.slug(), launch.linkId(),
                Fixtures.WORKSPACE, at, "GET", 302, "Mozilla/5.0 Chrome/126.0", null, "de-DE", country, visitor);
        return ArchivedClick.human(event, country, "(direct)", "desktop", "Windows", "Chrome", "de");
    }

    private ArchivedClick bot(String at) {
        ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), launch.slug(), launch.linkId(),
                Fixtures.WORKSPACE, at, "GET", 302, "Slackbot-LinkExpanding 1.0", null, null, null, null);
        return ArchivedClick.bot(event, "Slackbot");
    }
}
