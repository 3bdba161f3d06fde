package dev.shortstack.stats.entrypoints;

import static dev.shortstack.stats.StatsFixture.human;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.CompactedDay;
import dev.shortstack.shared.testing.Fixtures;
import dev.shortstack.stats.StatsFixture;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The compactor handler driven by the schedule's sample event: every closed day that is due gets compacted. */
@ExtendWith(EmulatorsExtension.class)
class CompactArchiveFunctionIntegrationTest {

    @Test
    void theScheduleCompactsEveryDueDayAndThenNothingIsDue(EmulatedAws aws) {
        StatsFixture fixture = new StatsFixture(aws);
        LocalDate twoDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        fixture.archive(List.of(human("link-1", twoDaysAgo + "T08:00:00Z", "DE", "de", "a"),
                human("link-1", twoDaysAgo + "T08:30:00Z", "DE", "de", "b")));
        assertThat(fixture.deps().compaction().dueDays()).contains(twoDaysAgo);

        JsonNode response = LambdaInvoker.invoke(new CompactArchiveFunction(fixture.deps()), "compactor",
                Fixtures.event("stats/compaction-due.json"));

        assertThat(response.path("batchItemFailures")).isEmpty();
        Map<LocalDate, CompactedDay> days = fixture.catalog().days(twoDaysAgo, twoDaysAgo);
        assertThat(days.get(twoDaysAgo).compacted()).isTrue();
        assertThat(fixture.keys(ArchiveLayout.compactedDayPrefix(twoDaysAgo))).as("clicks and per-link counts").hasSize(2);
        assertThat(fixture.deps().compaction().dueDays()).isEmpty();
    }
}
