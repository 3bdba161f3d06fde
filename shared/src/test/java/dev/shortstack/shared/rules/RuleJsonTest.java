package dev.shortstack.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleJsonTest {

    @Test
    void rulesReadBackAsWrittenAndLeaveOutWhatTheyDoNotUse() throws Exception {
        List<RedirectRule> rules = List.of(
                RedirectRule.to(new RuleConditions(List.of("mobile"), List.of("ios"), List.of("safari"), List.of("DE"), List.of("de"),
                        Map.of("ref", "mail"), Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2026-12-27T00:00:00Z")),
                        "https://example.com/de"),
                RedirectRule.split(RuleConditions.ALWAYS, List.of(new SplitVariant("https://a.example", 70),
                        new SplitVariant("https://b.example", 30))));

        String json = RuleJson.write(rules).toString();

        assertThat(json).isEqualTo("[{\"when\":{\"device\":[\"mobile\"],\"os\":[\"ios\"],\"browser\":[\"safari\"],\"country\":[\"DE\"],"
                + "\"language\":[\"de\"],\"query\":{\"ref\":\"mail\"},\"from\":\"2026-12-24T00:00:00Z\",\"until\":\"2026-12-27T00:00:00Z\"},"
                + "\"url\":\"https://example.com/de\"},"
                + "{\"split\":[{\"url\":\"https://a.example\",\"weight\":70},{\"url\":\"https://b.example\",\"weight\":30}]}]");
        assertThat(RuleJson.read(Json.mapper().readTree(json))).isEqualTo(rules);
    }
}
