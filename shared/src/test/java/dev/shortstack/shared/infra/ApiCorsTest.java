package dev.shortstack.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiCorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "http://localhost:5173", "https://xn--bcher-kva.example:8443"})
    void anOriginIsASchemeAHostAndAnOptionalPort(String origin) {
        assertThat(ApiCors.originViolation(origin)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "", "app.example.com", "https://app.example.com/", "https://app.example.com/path",
            "ftp://app.example.com", "https://user@app.example.com", "https://app.example.com?x=1"})
    void anythingElseIsRefusedWithAReason(String origin) {
        assertThat(ApiCors.originViolation(origin)).isPresent();
    }
}
