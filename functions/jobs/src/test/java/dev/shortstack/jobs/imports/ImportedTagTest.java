package dev.shortstack.jobs.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportedTagTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "launch            | launch",
            "Q4 2026           | Q4 2026",
            "R&D               | R-D",
            "Q2 (EMEA)         | Q2 EMEA",
            "a & b             | a b",
            "🚀launch          | launch",
            "C++               | C",
            "#growth           | growth",
            "über.cool:2026/x  | über.cool:2026/x"})
    void fitsATagIntoTheTagRules(String given, String kept) {
        assertThat(ImportedTag.fit(given)).hasValue(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&&&", "()", "🚀", "(-)"})
    void dropsATagWithNothingThatFits(String given) {
        assertThat(ImportedTag.fit(given)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void cutsALongTagToFiftyCharactersWithoutADanglingDash() {
        String long60 = "a".repeat(49) + "&" + "b".repeat(10);
        assertThat(ImportedTag.fit(long60)).hasValue("a".repeat(49));
        String wide = "𠀋".repeat(60) + "&";   // letters outside the BMP: two UTF-16 units each
        assertThat(ImportedTag.fit(wide)).hasValue("𠀋".repeat(50));
    }
}
