package dev.shortstack.links.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UtmParametersTest {
    @Test
    void composingSetsReplacesAndRemovesOnlyTheNamedParametersKeepingTheRestAndTheFragment() {
        Map<String, Optional<String>> changes = new LinkedHashMap<>();
        changes.put("campaign", Optional.of("spring sale"));
        changes.put("source", Optional.of("news&letter"));
        changes.put("medium", Optional.empty());

        String url = UtmParameters.compose("https://example.com/p?ref=a&utm_medium=email&utm_source=old#top", changes);

        assertThat(url).isEqualTo("https://example.com/p?ref=a&utm_source=news%26letter&utm_campaign=spring+sale#top");
        assertThat(UtmParameters.read(url)).containsExactly(Map.entry("source", "news&letter"), Map.entry("campaign", "spring sale"));
    }

    @Test
    void removingTheLastParameterLeavesNoEmptyQueryAndAUrlWithoutParametersReadsEmpty() {
        assertThat(UtmParameters.compose("https://example.com/?utm_source=x", Map.of("source", Optional.empty())))
                .isEqualTo("https://example.com/");
        assertThat(UtmParameters.read("https://example.com/?utm_other=1&q=utm_source")).isEmpty();
    }
}
