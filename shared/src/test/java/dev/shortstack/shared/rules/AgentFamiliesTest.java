package dev.shortstack.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentFamiliesTest {

    @ParameterizedTest(name = "{1} {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1|mobile|ios|chrome",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15|mobile|ios|firefox",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 EdgA/126.0|mobile|android|edge",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0|desktop|windows|firefox",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36|desktop|macos|chrome",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0|desktop|linux|firefox",
            "curl/8.5.0|other|other|other",
            "null|other|other|other"})
    void readsTheFamiliesRulesMatchOn(String agent, String device, String os, String browser) {
        assertThat(AgentFamilies.of(agent)).isEqualTo(new AgentFamilies(device, os, browser));
    }
}
