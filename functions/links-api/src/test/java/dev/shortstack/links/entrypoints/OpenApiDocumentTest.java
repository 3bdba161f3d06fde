package dev.shortstack.links.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.links.openapi.OpenApiDocument;
import dev.shortstack.links.testing.InMemoryLinkStore;
import dev.shortstack.links.testing.LinksApiHarness;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document names every route the links API has and no route it lacks (the stats API's
 * routes are its own test's); whether the answers match it is the runner's OpenApiContractTest.
 */
class OpenApiDocumentTest {
    @Test
    void everyLinksApiRouteIsDocumentedAndEveryDocumentedNonStatisticsRouteExists() {
        Set<String> routes = new TreeSet<>(LinksApiHarness.inMemory(new InMemoryLinkStore(), Clock.systemUTC()).function().describeRoutes());

        Set<String> documented = new TreeSet<>(OpenApiDocument.operations(null));
        documented.removeAll(OpenApiDocument.operations("stats"));
        assertThat(routes).isEqualTo(documented);
    }
}
