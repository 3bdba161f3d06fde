package dev.shortstack.stats.compaction;

import static dev.shortstack.stats.StatsFixture.bot;
import static dev.shortstack.stats.StatsFixture.human;
import static dev.shortstack.stats.StatsFixture.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.stats.ArchiveAccess;
import dev.shortstack.stats.StatsFixture;
import dev.shortstack.shared.stats.Dimension;
import dev.shortstack.stats.query.LinkStats;
import dev.shortstack.stats.query.StatsService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.shortstack.stats.query.StatsQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A closed day answers the same before and after its compaction, exactly, with duplicates, late
 * objects and a corrupt object in its archive; a repeated compaction leaves one version of files.
 */
@ExtendWith(EmulatorsExtension.class)
class CompactionIntegrationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Link PROMO = link("promo", "link-promo");
    private static final StatsQuery THAT_DAY = StatsQuery.parse(Map.of("from", "2026-11-27", "to", "2026-11-27"), DAY);
    /** Three Berlin days around it: whole UTC days in the middle, parts of two at the edges. */
    private static final StatsQuery BERLIN_HOURLY = StatsQuery.parse(Map.of("from", "2026-11-26", "to", "2026-11-28",
            "tz", "Europe/Berlin", "granularity", "hour"), DAY);

    @Test
    void figuresAreExactBeforeAndAfterCompactionAndLateClicksCountOnce(EmulatedAws aws) {
        StatsFixture fixture = new StatsFixture(aws);
        List<ArchivedClick> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(human("link-promo", "2026-11-27T10:0" + (i % 10) + ":00Z", i % 4 == 0 ? "FR" : "DE", "de", "v" + (i % 7)));
        }
        batch.add(bot("link-promo", "2026-11-27T10:30:00Z", "Slackbot"));
        for (int i = 0; i < 25; i++) {
            batch.add(human("link-other-" + (i % 5), "2026-11-27T10:45:00Z", "US", "en", "w" + i));
        }
        fixture.archive(batch);
        fixture.archive(batch.subList(0, 10)); // a redelivered part of the batch, under a key of its own
        fixture.put(ArchiveLayout.key(DAY, 11, List.of("broken")), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});

        LinkStats raw = stats(fixture);
        LinkStats rawInBerlin = fixture.deps().stats().linkStats(PROMO, BERLIN_HOURLY);
        assertThat(raw.human()).isEqualTo(40);
        assertThat(raw.bot()).isEqualTo(1);
        assertThat(raw.unique()).isEqualTo(7);

        assertThat(fixture.deps().compaction().compactDay(DAY)).isEqualTo(OptionalLong.of(66));
        assertThat(fixture.keys(ArchiveLayout.QUARANTINE_ROOT)).containsExactly(
                ArchiveLayout.quarantine(ArchiveLayout.key(DAY, 11, List.of("broken"))));
        LinkStats compacted = stats(fixture);
        assertThat(compacted).isEqualTo(raw);
        assertThat(fixture.deps().stats().linkStats(PROMO, BERLIN_HOURLY)).as("whole UTC days from their counts, the edges from clicks")
                .isEqualTo(rawInBerlin);
        assertThat(compacted.breakdowns().get(Dimension.COUNTRY))
                .containsExactly(new LinkStats.ValueCount("DE", 30), new LinkStats.ValueCount("FR", 10));
        assertThat(compacted.breakdowns().get(Dimension.BOT)).containsExactly(new LinkStats.ValueCount("Slackbot", 1));
        List<String> firstVersion = fixture.keys(ArchiveLayout.compactedDayPrefix(DAY));
        assertThat(firstVersion).as("one file of clicks and one of per-link counts").hasSize(2)
                .filteredOn(ArchiveLayout::isClickFile).hasSize(1);

        // A late object: one click already compacted (redelivered) and one new one.
        ArchivedClick late = human("link-promo", "2026-11-27T23:59:59Z", "DE", "de", "v-late");
        String lateKey = fixture.archive(List.of(batch.get(0), late));
        fixture.catalog().addLate(DAY, List.of(lateKey));
        assertThat(stats(fixture).human()).as("the late click once, the repeated one not again").isEqualTo(41);

        assertThat(fixture.deps().compaction().dueDays()).contains(DAY);
        assertThat(fixture.deps().compaction().compactDay(DAY)).isEqualTo(OptionalLong.of(67));
        assertThat(stats(fixture).human()).isEqualTo(41);
        assertThat(fixture.deps().compaction().compactDay(DAY)).as("a repeated run changes nothing").isEqualTo(OptionalLong.of(67));
        List<String> files = fixture.keys(ArchiveLayout.compactedDayPrefix(DAY));
        assertThat(files).as("one version only").hasSize(2).doesNotContainAnyElementsOf(firstVersion);
        assertThat(fixture.deps().compaction().dueDays()).doesNotContain(DAY);
    }

    @Test
    void theRuleThatServedEachClickIsBrokenDownTheSameBeforeAndAfterCompaction(EmulatedAws aws) {
        StatsFixture fixture = new StatsFixture(aws);
        List<ArchivedClick> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String rule = i % 3 == 0 ? null : i % 3 == 1 ? "rule 1" : "rule 2 variant " + (i % 2 == 0 ? "A" : "B");
            batch.add(StatsFixture.servedBy("link-promo", "2026-11-27T09:1" + (i % 10) + ":00Z", rule, "v" + i));
        }
        batch.add(bot("link-promo", "2026-11-27T09:30:00Z", "Slackbot"));
        fixture.archive(batch);
        List<LinkStats.ValueCount> expected = List.of(new LinkStats.ValueCount("(default)", 4), new LinkStats.ValueCount("rule 1", 4),
                new LinkStats.ValueCount("rule 2 variant A", 2), new LinkStats.ValueCount("rule 2 variant B", 2));

        assertThat(stats(fixture).breakdowns().get(Dimension.RULE)).as("from the raw archive, bots left out").containsExactlyElementsOf(expected);
        fixture.deps().compaction().compactDay(DAY);
        assertThat(stats(fixture).breakdowns().get(Dimension.RULE)).as("from the compacted files").containsExactlyElementsOf(expected);
    }

    @Test
    void theOpenDayIsCompactedHourByHourAndQueriesReadOnlyTheHoursSinceRaw(EmulatedAws aws) {
        StatsFixture fixture = new StatsFixture(aws);
        ArchiveAccess archive = fixture.archiveAccess();
        StatsService stats = new StatsService(archive.slicer(), archive.engine());
        List<ArchivedClick> ten = clicksAt("10", 5);
        fixture.archive(ten);
        fixture.archive(clicksAt("11", 3));
        fixture.archive(clicksAt("12", 2));

        // 12:30: hours up to 11:00-12:00 closed 20 minutes ago or more; 12:00-13:00 is still open.
        assertThat(compactor(fixture, archive, "2026-11-27T12:30:00Z").compactDay(DAY)).hasValue(8);
        assertThat(fixture.catalog().days(DAY, DAY).get(DAY).throughHour()).isEqualTo(11);
        assertThat(total(stats)).as("8 from the files, 2 read raw").isEqualTo(10);

        ArchivedClick lateNew = human("link-promo", "2026-11-27T10:59:00Z", "DE", "de", "late");
        fixture.catalog().addLate(DAY, List.of(fixture.archive(List.of(ten.get(0), lateNew))));
        // A visitor of 10:00 back at 13:00: one visitor of the day, in two parts.
        fixture.archive(List.of(human("link-promo", "2026-11-27T13:05:00Z", "DE", "de", ten.get(0).visitorHash())));
        assertThat(total(stats)).as("the late object's new click once").isEqualTo(12);

        CompactionService at1330 = compactor(fixture, archive, "2026-11-27T13:30:00Z");
        assertThat(at1330.dueDays()).contains(DAY);
        assertThat(at1330.compactDay(DAY)).as("the files, hour 12 and the late object's new click").hasValue(11);
        assertThat(total(stats)).isEqualTo(12);
        assertThat(at1330.dueDays()).doesNotContain(DAY);
        assertThat(at1330.compactDay(DAY, true)).as("the same, read from the raw archive alone").hasValue(11);
        assertThat(total(stats)).isEqualTo(12);
        assertThat(fixture.keys(ArchiveLayout.compactedDayPrefix(DAY))).as("one version only").hasSize(2);
        assertThatThrownBy(() -> at1330.compactDay(DAY.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not closed yet");

        // 14:30: hour 13:00-14:00 becomes a part of its own; nothing compacted before is read again.
        assertThat(compactor(fixture, archive, "2026-11-27T14:30:00Z").compactDay(DAY)).hasValue(12);
        assertThat(fixture.catalog().days(DAY, DAY).get(DAY).parts()).hasSize(2);
        assertThat(fixture.keys(ArchiveLayout.compactedDayPrefix(DAY))).as("two parts, clicks and counts each").hasSize(4);
        assertThat(totals(stats.linkStats(PROMO, THAT_DAY))).containsExactly(12L, 0L, 11L);
        // After midnight the finished, small day is merged into one part: the same figures, from its counts.
        assertThat(compactor(fixture, archive, "2026-11-28T00:30:00Z").compactDay(DAY)).hasValue(12);
        assertThat(fixture.catalog().days(DAY, DAY).get(DAY).parts()).hasSize(1);
        assertThat(fixture.keys(ArchiveLayout.compactedDayPrefix(DAY))).hasSize(2);
        assertThat(totals(stats.linkStats(PROMO, THAT_DAY))).containsExactly(12L, 0L, 11L);
    }

    private static List<ArchivedClick> clicksAt(String hour, int count) {
        List<ArchivedClick> clicks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clicks.add(human("link-promo", "2026-11-27T" + hour + ":0" + i + ":00Z", "DE", "de", "v" + hour + i));
        }
        return clicks;
    }

    private static CompactionService compactor(StatsFixture fixture, ArchiveAccess archive, String now) {
        return new CompactionService(archive.store(), archive.catalog(), archive.engine(), archive.scratch().resolve("work"),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC), new Observability("test"));
    }

    private static long total(StatsService stats) {
        return stats.linkStats(PROMO, THAT_DAY).human();
    }

    /** People's, bots' and unique visitors. */
    private static List<Long> totals(LinkStats stats) {
        return List.of(stats.human(), stats.bot(), stats.unique());
    }

    private static LinkStats stats(StatsFixture fixture) {
        return fixture.deps().stats().linkStats(PROMO, THAT_DAY);
    }
}
