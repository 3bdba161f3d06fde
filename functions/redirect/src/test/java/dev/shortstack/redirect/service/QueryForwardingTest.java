package dev.shortstack.redirect.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryForwardingTest {

    @ParameterizedTest(name = "{0} + ?{1}")
    @CsvSource(delimiter = '|', value = {
            "https://example.com/p|''|https://example.com/p",
            "https://example.com/p|ref=mail|https://example.com/p?ref=mail",
            "https://example.com/p?a=1|ref=mail|https://example.com/p?a=1&ref=mail",
            "https://example.com/p?utm_source=link&a=1|utm_source=visit|https://example.com/p?a=1&utm_source=visit",
            "https://example.com/p?a=1#top|b=2|https://example.com/p?a=1&b=2#top",
            "https://example.com/p?q=caf%C3%A9|q=th%C3%A9&x=a%20b|https://example.com/p?q=th%C3%A9&x=a%20b",
            "https://example.com/p?ut%6D=1|utm=2|https://example.com/p?utm=2",
            "https://example.com/p|a=1&a=1&a=2&&=x|https://example.com/p?a=1&a=2",
            "https://example.com/p?|flag|https://example.com/p?flag"})
    void theVisitsParametersAreAddedAndReplaceTheTargetsOfTheSameName(String target, String query, String expected) {
        assertThat(QueryForwarding.merge(target, query)).isEqualTo(expected);
    }
}
