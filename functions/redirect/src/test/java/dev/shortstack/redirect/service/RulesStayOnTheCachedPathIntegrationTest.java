package dev.shortstack.redirect.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.emulators.Stage;
import dev.shortstack.redirect.entrypoints.RedirectDependencies;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.DynamoLinkReader;
import dev.shortstack.shared.link.DynamoPasswordAttempts;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleConditions;
import dev.shortstack.shared.rules.SplitVariant;
import dev.shortstack.shared.testing.RecordingClickPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Targeting rules are evaluated from the link the redirect already read and cached: every DynamoDB
 * request the redirect makes goes through a counting client, against the emulator over HTTP.
 */
@ExtendWith(EmulatorsExtension.class)
class RulesStayOnTheCachedPathIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36";

    @Test
    void aLinkWithFiveRulesCostsTheSameSingleReadAsAPlainOne(EmulatedAws aws) {
        Stage stage = aws.provision("r" + UUID.randomUUID().toString().substring(0, 8));
        String linksTable = stage.resourceEnv().get(EnvNames.LINKS_TABLE);
        CountingInterceptor requests = new CountingInterceptor();
        DynamoDbClient counted = aws.dynamoWatchedBy(requests);
        put(aws, linksTable, link("plain", List.of()));
        put(aws, linksTable, link("targeted", fiveRules()));
        RecordingClickPublisher clicks = new RecordingClickPublisher();
        RedirectService redirect = RedirectDependencies.of(DynamoLinkReader.eventuallyConsistentFirst(counted, linksTable),
                new DynamoVisitCounter(counted, stage.resourceEnv().get(EnvNames.VISITS_TABLE)),
                new DynamoPasswordAttempts(counted, stage.resourceEnv().get(EnvNames.VISITS_TABLE)), clicks, "a-visitor-hash-secret-key",
                Duration.ofSeconds(60), 100, 3600, Clock.fixed(NOW, ZoneOffset.UTC)).service();

        Map<String, Integer> locations = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            for (String slug : List.of("plain", "targeted")) {
                Visit visit = new Visit("GET", NOW, i % 2 == 0 ? IPHONE : WINDOWS, null, i % 3 == 0 ? "de-DE" : "en-US",
                        i % 5 == 0 ? "DE" : "US", "10.0.0." + i, i % 7 == 0 ? Map.of("ref", List.of("mail")) : Map.of(),
                        i % 7 == 0 ? "ref=mail" : "");
                RedirectOutcome outcome = redirect.visit(null, slug, visit);
                locations.merge(slug + " → " + ((RedirectOutcome.Redirect) outcome).location(), 1, Integer::sum);
            }
        }

        assertThat(requests.byOperation).as("every DynamoDB request the redirects made").isEqualTo(Map.of("GetItem", 2));
        assertThat(locations).containsEntry("plain → https://example.com/plain", 171).containsEntry("plain → https://example.com/plain?ref=mail", 29)
                .containsKeys("targeted → https://example.com/from-mail?ref=mail", "targeted → https://apps.apple.com/app/id1",
                        "targeted → https://example.com/de", "targeted → https://example.com/a", "targeted → https://example.com/b");
        assertThat(clicks.published()).hasSize(400);
        assertThat(clicks.published().stream().filter(c -> c.slug().equals("targeted")).map(ClickEvent::rule).distinct())
                .containsExactlyInAnyOrder("rule 1", "rule 2", "rule 3", "rule 5 variant A", "rule 5 variant B");
        assertThat(clicks.published().stream().filter(c -> c.slug().equals("plain")).map(ClickEvent::rule)).containsOnlyNulls();
    }

    private static List<RedirectRule> fiveRules() {
        return List.of(
                RedirectRule.to(conditions(null, null, null, Map.of("ref", "mail")), "https://example.com/from-mail"),
                RedirectRule.to(conditions(List.of("ios"), null, null, null), "https://apps.apple.com/app/id1"),
                RedirectRule.to(conditions(null, List.of("DE"), List.of("de"), null), "https://example.com/de"),
                RedirectRule.to(conditions(null, List.of("FR"), null, null), "https://example.com/fr"),
                RedirectRule.split(RuleConditions.ALWAYS, List.of(new SplitVariant("https://example.com/a", 50),
                        new SplitVariant("https://example.com/b", 50))));
    }

    private static RuleConditions conditions(List<String> os, List<String> country, List<String> language, Map<String, String> query) {
        return new RuleConditions(null, os, null, country, language, query, null, null);
    }

    private static Link link(String slug, List<RedirectRule> rules) {
        return new Link(slug, UUID.randomUUID().toString(), "ws-1", "https://example.com/" + slug, 302, NOW, NOW, null, null,
                List.of(), false, 1, "key-1").withRules(rules);
    }

    private static void put(EmulatedAws aws, String table, Link link) {
        aws.dynamo().putItem(PutItemRequest.builder().tableName(table).item(LinkItems.toItem(link, 4)).build());
    }

    /** Counts requests by operation name, as the SDK names them. */
    private static final class CountingInterceptor implements ExecutionInterceptor {
        final Map<String, Integer> byOperation = new TreeMap<>();

        @Override
        public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            byOperation.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
        }
    }
}
