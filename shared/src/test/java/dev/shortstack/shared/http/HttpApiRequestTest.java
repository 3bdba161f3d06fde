package dev.shortstack.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.testing.Fixtures;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HttpApiRequestTest {

    @Test
    void readsTheFixtureAsApiGatewaySendsIt() {
        HttpApiRequest request = HttpApiRequest.fromEvent(Fixtures.event("links-api/list-links.json"));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v1/links");
        assertThat(request.queryParam("limit")).hasValue("2");
        assertThat(request.header("Authorization")).hasValue("Bearer " + Fixtures.ADMIN_KEY);
        assertThat(request.sourceIp()).isEqualTo("203.0.113.7");
        assertThat(request.body()).isNull();
    }

    @Test
    void decodesBase64BodiesAndRefusesInvalidUtf8() {
        ObjectNode event = Fixtures.event("links-api/create-link.json");
        event.put("isBase64Encoded", true);
        event.put("body", Base64.getEncoder().encodeToString("{\"url\":\"https://é.example\"}".getBytes()));
        assertThat(HttpApiRequest.fromEvent(event).body()).isEqualTo("{\"url\":\"https://é.example\"}");

        event.put("body", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, (byte) 0x28}));
        assertThatThrownBy(() -> HttpApiRequest.fromEvent(event))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_BODY));
    }

    @Test
    void aQueryParameterGivenTwiceIsABadRequestNotItsValuesJoinedWithACommaAsApiGatewayDeliversThem() {
        ObjectNode event = Fixtures.event("links-api/list-links.json");
        event.put("rawQueryString", "limit=2&tag=a&t%61g=b&q=x");
        event.putObject("queryStringParameters").put("limit", "2").put("tag", "a,b").put("q", "x");
        HttpApiRequest request = HttpApiRequest.fromEvent(event);

        assertThat(request.queryParam("limit")).hasValue("2");
        assertThat(request.queryParam("q")).hasValue("x");
        assertThatThrownBy(() -> request.queryParam("tag")).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
            assertThat(p.errors()).extracting(FieldError::field).containsExactly("query.tag");
        });
        assertThatThrownBy(request::query).as("parsers that read every parameter, such as the stats API's")
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors()).extracting(FieldError::field)
                        .containsExactly("query.tag"));
    }
}
