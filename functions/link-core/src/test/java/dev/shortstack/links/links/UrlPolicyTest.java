package dev.shortstack.links.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {
    private final UrlPolicy policy = new UrlPolicy("https://sho.rt", " evil.example ,.Tracker.Test,");

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.com",
            "http://example.com/path?q=1#frag",
            "HTTPS://EXAMPLE.COM/Case",
            "https://xn--bcher-kva.example/",
            "https://notevil.example/",
            "https://sho.rt.example.com/",
            "https://[2001:db8::1]/ipv6"})
    void allows(String url) {
        assertThat(policy.violation(url)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "javascript:alert(1)          | scheme 'javascript'",
            "JavaScript:alert(1)          | scheme 'javascript'",
            "data:text/html,hi            | scheme 'data'",
            "file:///etc/passwd           | scheme 'file'",
            "vbscript:msgbox              | scheme 'vbscript'",
            "mailto:a@example.com         | scheme 'mailto'",
            "//example.com/no-scheme      | absolute URL",
            "example.com                  | absolute URL",
            "https://user:pw@example.com/ | credentials",
            "https://user@example.com/    | credentials",
            "https:///nohost              | host",
            "https://sho.rt/loop          | own short domain",
            "https://SHO.RT./loop         | own short domain",
            "https://evil.example/x       | 'evil.example' is blocked",
            "https://a.b.evil.example/x   | 'evil.example' is blocked",
            "https://tracker.test         | 'tracker.test' is blocked",
            "https://exa mple.com         | not a valid URL"})
    void refuses(String url, String reason) {
        assertThat(policy.violation(url)).hasValueSatisfying(message -> assertThat(message).contains(reason));
    }

    @org.junit.jupiter.api.Test
    void refusesUrlsOverTheLengthLimitAndAcceptsOnesAtIt() {
        String base = "https://example.com/";
        assertThat(policy.violation(base + "a".repeat(UrlPolicy.MAX_LENGTH - base.length()))).isEmpty();
        assertThat(policy.violation(base + "a".repeat(UrlPolicy.MAX_LENGTH - base.length() + 1))).isPresent();
    }
}
