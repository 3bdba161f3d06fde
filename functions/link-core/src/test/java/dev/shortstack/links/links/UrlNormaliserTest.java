package dev.shortstack.links.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormaliserTest {
    private final UrlPolicy policy = new UrlPolicy("https://sho.rt", "");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'  https://example.com/a  '                    | https://example.com/a",
            "https://example.com/annual report 2024.pdf     | https://example.com/annual%20report%202024.pdf",
            "https://bücher.example/straße?q=grüße#ä        | https://xn--bcher-kva.example/stra%C3%9Fe?q=gr%C3%BC%C3%9Fe#%C3%A4",
            "https://BÜCHER.example:8443/                   | https://xn--bcher-kva.example:8443/",
            "https://例え.テスト/パス                          | https://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9",
            "https://example.com/already%20encoded?a=1&b=2  | https://example.com/already%20encoded?a=1&b=2",
            "https://example.com/{x}^<y>\"z\"                | https://example.com/%7Bx%7D%5E%3Cy%3E%22z%22",
            "https://example.com/emoji/🚀                    | https://example.com/emoji/%F0%9F%9A%80",
            "mailto:someone@example.com                     | mailto:someone@example.com"})
    void makesWhatPeoplePasteIntoAUrlTheRedirectCanSend(String pasted, String expected) {
        assertThat(UrlNormaliser.normalise(pasted)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://example.com/annual report.pdf",
            "https://bücher.example/",
            "' https://example.com '"})
    void whatItProducesIsAllowedWhereTheRawTextWasNot(String pasted) {
        assertThat(policy.violation(UrlNormaliser.normalise(pasted))).isEmpty();
    }
}
