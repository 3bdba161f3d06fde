package dev.shortstack.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable table = new RouteTable()
            .add("GET", "/v1/jobs/{jobId}", (request, params) -> answer("job " + params.get("jobId")))
            .add("POST", "/v1/jobs/{jobId}/cancel", (request, params) -> answer("cancel " + params.get("jobId")))
            .add("GET", "/v1/links", (request, params) -> answer("list"))
            .add("POST", "/v1/links", (request, params) -> answer("create"))
            .add("GET", "/v1/links/{slug}", (request, params) -> answer("link " + params.get("slug")));

    @Test
    void aPathFindsItsRouteWhateverTheOrderTheTableWasWrittenIn() {
        assertThat(dispatch("GET", "/v1/links")).isEqualTo("list");
        assertThat(dispatch("GET", "/v1/links/")).as("a trailing slash").isEqualTo("list");
        assertThat(dispatch("GET", "/v1/links/launch")).isEqualTo("link launch");
        assertThat(dispatch("GET", "/v1/jobs/j1")).isEqualTo("job j1");
        assertThat(dispatch("POST", "/v1/jobs/j1/cancel")).isEqualTo("cancel j1");
    }

    @Test
    void aKnownPathWithAnotherMethodIs405ListingTheTablesMethodsAndAnUnknownOneIs404() {
        assertThatThrownBy(() -> dispatch("DELETE", "/v1/links")).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
            assertThat(p.headers()).containsEntry("allow", "GET, POST");
        });
        assertThatThrownBy(() -> dispatch("GET", "/v1/jobs/j1/cancel")).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.headers()).containsEntry("allow", "POST"));
        for (String path : new String[] {"/v1/nope", "/v1/links/a/b", "/v1//links", "/v1/jobs//cancel", "/v1"}) {
            assertThatThrownBy(() -> dispatch("GET", path)).as(path)
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.ROUTE_NOT_FOUND));
        }
    }

    @Test
    void aRouteCannotBeAddedTwiceNorATemplateWithAnEmptySegment() {
        assertThatThrownBy(() -> table.add("GET", "/v1/links/{other}", (request, params) -> answer("x")))
                .hasMessageContaining("already in the table");
        assertThatThrownBy(() -> new RouteTable().add("GET", "/v1//x", (request, params) -> answer("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(table.describe()).startsWith("GET /v1/jobs/{jobId}", "POST /v1/jobs/{jobId}/cancel");
    }

    private String dispatch(String method, String path) {
        return table.dispatch(HttpApiRequest.fromEvent(Fixtures.withRequest(Fixtures.event("links-api/list-links.json"), method, path)))
                .body();
    }

    private static HttpApiResponse answer(String text) {
        return HttpApiResponse.of(200, Map.of(), text);
    }
}
