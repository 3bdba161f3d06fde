package dev.shortstack.links.compat.shlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleConditions;
import dev.shortstack.shared.rules.SplitVariant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShlinkRedirectRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void shlinkConditionsBecomeOneRuleEachWithItsConditionsJoined() throws Exception {
        String body = """
                {"redirectRules": [
                  {"longUrl": "https://m.example", "conditions": [{"type": "device", "matchKey": null, "matchValue": "mobile"},
                    {"type": "browser", "matchKey": null, "matchValue": "safari"}]},
                  {"longUrl": "https://de.example", "conditions": [{"type": "geolocation-country-code", "matchKey": null, "matchValue": "DE"},
                    {"type": "query-param", "matchKey": "ref", "matchValue": "mail"},
                    {"type": "after-date", "matchKey": null, "matchValue": "2027-01-01T00:00:00Z"}]}]}""";

        assertThat(ShlinkRedirectRules.toOwn(Json.mapper().readTree(body)).toString()).isEqualTo(
                "[{\"url\":\"https://m.example\",\"when\":{\"device\":[\"mobile\"],\"browser\":[\"safari\"]}},"
                        + "{\"url\":\"https://de.example\",\"when\":{\"country\":[\"DE\"],\"query\":{\"ref\":\"mail\"},"
                        + "\"from\":\"2027-01-01T00:00:00Z\"}}]");
    }

    @Test
    void whatShortstackCannotMatchIsRefusedByRule() {
        assertThatThrownBy(() -> ShlinkRedirectRules.toOwn(Json.mapper().readTree("{\"redirectRules\": [{\"longUrl\": \"https://x.example\","
                + " \"conditions\": [{\"type\": \"geolocation-city-name\", \"matchKey\": null, \"matchValue\": \"Berlin\"}]}]}")))
                .isInstanceOf(ShlinkProblem.class).hasMessageContaining("redirectRules[0] condition type 'geolocation-city-name'");
        assertThatThrownBy(() -> ShlinkRedirectRules.toOwn(Json.mapper().readTree("{\"redirectRules\": [{\"longUrl\": \"https://x.example\","
                + " \"conditions\": [{\"type\": \"device\", \"matchValue\": \"ios\"}, {\"type\": \"device\", \"matchValue\": \"android\"}]}]}")))
                .isInstanceOf(ShlinkProblem.class).hasMessageContaining("has two os conditions");
    }

    @Test
    void aConditionOfSeveralValuesReadsBackAsThatManyRulesInARowAndASplitIsRefused() {
        Link link = link(List.of(RedirectRule.to(new RuleConditions(null, List.of("ios", "android"), null, null, null, Map.of("ref", "a"),
                null, null), "https://app.example")));

        assertThat(ShlinkRedirectRules.of(link).toString()).isEqualTo("{\"defaultLongUrl\":\"https://example.com\",\"redirectRules\":["
                + "{\"longUrl\":\"https://app.example\",\"priority\":1,\"conditions\":[{\"type\":\"device\",\"matchKey\":null,"
                + "\"matchValue\":\"ios\"},{\"type\":\"query-param\",\"matchKey\":\"ref\",\"matchValue\":\"a\"}]},"
                + "{\"longUrl\":\"https://app.example\",\"priority\":2,\"conditions\":[{\"type\":\"device\",\"matchKey\":null,"
                + "\"matchValue\":\"android\"},{\"type\":\"query-param\",\"matchKey\":\"ref\",\"matchValue\":\"a\"}]}]}");
        Link split = link(List.of(RedirectRule.split(RuleConditions.ALWAYS, List.of(new SplitVariant("https://a.example", 50),
                new SplitVariant("https://b.example", 50)))));
        assertThatThrownBy(() -> ShlinkRedirectRules.of(split)).isInstanceOf(ShlinkProblem.class).hasMessageContaining("an A/B split");
    }

    private static Link link(List<RedirectRule> rules) {
        return new Link("s", "id", "ws", "https://example.com", 302, NOW, NOW, null, null, List.of(), false, 1, "k").withRules(rules);
    }
}
