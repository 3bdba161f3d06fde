package dev.shortstack.redirect.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewerCountryTest {

    @Test
    void onlyIsoAlpha2CodesAreKept() {
        assertThat(ViewerCountry.parse(Optional.of("DE"))).hasValue("DE");
        assertThat(ViewerCountry.parse(Optional.of(" jp "))).hasValue("JP");
        assertThat(ViewerCountry.parse(Optional.of("XX"))).as("not a country").isEmpty();
        assertThat(ViewerCountry.parse(Optional.of("DEU"))).as("alpha-3").isEmpty();
        assertThat(ViewerCountry.parse(Optional.of("<script>"))).isEmpty();
        assertThat(ViewerCountry.parse(Optional.empty())).isEmpty();
    }
}
