package dev.shortstack.stats.entrypoints;

import static dev.shortstack.shared.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.testing.Fixtures;
import dev.shortstack.stats.query.LinkClickFigures;
import dev.shortstack.stats.query.LiveClicks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live view's hour: every one of the 60 minutes present, clicks in their minute, people and bots apart, nothing from
 * before the hour, another link's or another workspace's.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveStatsIntegrationTest {
    private StatsApiTestbed testbed;
    private Instant now;

    @BeforeAll
    void setUp(EmulatedAws aws) {
        testbed = new StatsApiTestbed(aws);
        now = Instant.parse("2026-11-27T23:45:20Z");
    }

    @Test
    void theLastHourHasEveryMinuteAndEachClickInItsOwn() {
        LiveClicks live = new LiveClicks(testbed.fixture.archiveAccess().slicer(), testbed.fixture.archiveAccess().engine());

        LiveClicks.LastHour hour = live.lastHour(LinkClickFigures.Scope.of(testbed.launch), now);

        // The testbed's clicks: 22:30 (human) and 22:40 (bot) are before the hour, 23:30 (human) inside it.
        assertThat(hour.from()).isEqualTo("2026-11-27T22:46:00Z");
        assertThat(hour.minutes()).hasSize(60);
        assertThat(hour.minutes().get(0).start()).isEqualTo("2026-11-27T22:46:00Z");
        assertThat(hour.minutes().get(59).start()).isEqualTo("2026-11-27T23:45:00Z");
        assertThat(nonZero(hour)).containsExactly("2026-11-27T23:30:00Z 1/0");
        assertThat(hour.humans()).isEqualTo(1);
        assertThat(hour.bots()).isZero();
    }

    @Test
    void theLinksAndTheWorkspacesLiveRoutesCountWhatWasArchivedThisMinute() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String at = minute.plusMillis(1).toString();
        testbed.archiveLaunchClicks(at, 2, 1);

        JsonNode link = Fixtures.body(testbed.invoke(event("stats/link-live-stats.json")));
        JsonNode workspace = Fixtures.body(testbed.invoke(event("stats/workspace-live-stats.json")));

        for (JsonNode body : List.of(link, workspace)) {
            assertThat(body.path("granularity").asText()).isEqualTo("minute");
            assertThat(body.path("series")).hasSize(60);
            assertThat(body.path("totals").toString()).isEqualTo("{\"human\":2,\"bot\":1}");
            JsonNode last = body.path("series").get(59);
            // The request may have been counted in the next minute: the clicks are in the last or the one before.
            JsonNode clicked = last.path("start").asText().equals(minute.toString()) ? last : body.path("series").get(58);
            assertThat(clicked.toString()).isEqualTo("{\"start\":\"" + minute + "\",\"human\":2,\"bot\":1}");
        }
    }

    private static List<String> nonZero(LiveClicks.LastHour hour) {
        List<String> clicked = new ArrayList<>();
        hour.minutes().stream().filter(m -> m.humans() + m.bots() > 0)
                .forEach(m -> clicked.add(m.start() + " " + m.humans() + "/" + m.bots()));
        return clicked;
    }
}
