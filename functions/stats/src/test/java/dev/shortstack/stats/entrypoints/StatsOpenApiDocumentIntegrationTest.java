package dev.shortstack.stats.entrypoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.links.openapi.OpenApiDocument;
import dev.shortstack.stats.StatsFixture;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document's statistics routes are exactly the stats API's (answers are checked by the runner's contract test). */
@ExtendWith(EmulatorsExtension.class)
class StatsOpenApiDocumentIntegrationTest {
    @Test
    void everyStatsApiRouteIsDocumentedUnderTheStatsTagAndNoOtherIs(EmulatedAws aws) {
        Set<String> routes = new TreeSet<>(new StatsApiFunction(new StatsFixture(aws).deps()).describeRoutes());

        assertThat(routes).isEqualTo(OpenApiDocument.operations("stats"));
    }
}
