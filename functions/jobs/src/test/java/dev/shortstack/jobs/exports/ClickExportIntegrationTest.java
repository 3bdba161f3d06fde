package dev.shortstack.jobs.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.jobs.testing.JobsHarness;
import dev.shortstack.links.jobs.ExportFormat;
import dev.shortstack.links.jobs.ExportRequest;
import dev.shortstack.links.jobs.ExportType;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.json.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** A clicks export reads the archive through the stats engine: the workspace's clicks in the range, each once. */
@ExtendWith(EmulatorsExtension.class)
class ClickExportIntegrationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final String C1 = "00000000-0000-4000-8000-000000000001";
    private static final String C2 = "00000000-0000-4000-8000-000000000002";
    private static final String C4 = "00000000-0000-4000-8000-000000000004";

    @Test
    void theWorkspacesClicksOfTheRangeEachOnceInTimeOrder(EmulatedAws aws) throws Exception {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        ArchivedClick first = click(C1, JobsHarness.WORKSPACE, "2026-11-20T08:00:01Z");
        ArchivedClick second = click(C2, JobsHarness.WORKSPACE, "2026-11-20T09:30:00Z");
        ArchivedClick foreign = click("00000000-0000-4000-8000-000000000003", "another-team", "2026-11-20T09:31:00Z");
        ArchivedClick dayAfter = click(C4, JobsHarness.WORKSPACE, "2026-11-21T00:00:05Z");
        ArchivedClick outOfRange = click("00000000-0000-4000-8000-000000000005", JobsHarness.WORKSPACE, "2026-11-22T10:00:00Z");
        archive(harness, DAY, 8, List.of(first));
        archive(harness, DAY, 9, List.of(second, foreign));
        archive(harness, DAY, 9, List.of(first, second)); // a redelivered batch, written again under its own key
        archive(harness, DAY.plusDays(1), 0, List.of(dayAfter));
        archive(harness, DAY.plusDays(2), 10, List.of(outOfRange));

        Job export = harness.jobs().createExport(JobsHarness.CALLER,
                new ExportRequest(ExportType.CLICKS, ExportFormat.JSONL, DAY, DAY.plusDays(1)));
        harness.drain();

        Job done = harness.jobs().get(JobsHarness.CALLER, export.jobId());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.rowsSucceeded()).isEqualTo(3);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : harness.file(done.resultKey()).split("\n")) {
            rows.add(Json.mapper().readTree(line));
        }
        assertThat(rows).extracting(r -> r.path("clickId").asText()).containsExactly(C1, C2, C4);
        assertThat(rows.get(0).path("slug").asText()).isEqualTo("promo");
        assertThat(rows.get(0).path("userAgent").asText()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        assertThat(rows.get(0).has("workspaceId")).isFalse();
        assertThat(rows.get(0).path("status").asInt()).isEqualTo(302);
        assertThat(rows.get(0).path("browser").asText()).as("how the aggregator classified it").isEqualTo("Firefox");
        assertThat(rows.get(0).path("visitorHash").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void aStatsExportHasOneRowPerLinkAndDayFromTheSameArchive(EmulatedAws aws) throws Exception {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        archive(harness, DAY, 8, List.of(click(C1, JobsHarness.WORKSPACE, "2026-11-20T08:00:01Z")));
        archive(harness, DAY, 9, List.of(click(C2, JobsHarness.WORKSPACE, "2026-11-20T09:30:00Z"),
                click("00000000-0000-4000-8000-000000000003", "another-team", "2026-11-20T09:31:00Z")));
        archive(harness, DAY, 9, List.of(click(C1, JobsHarness.WORKSPACE, "2026-11-20T08:00:01Z"))); // archived twice
        archive(harness, DAY.plusDays(1), 0, List.of(click(C4, JobsHarness.WORKSPACE, "2026-11-21T00:00:05Z")));

        Job export = harness.jobs().createExport(JobsHarness.CALLER,
                new ExportRequest(ExportType.STATS, ExportFormat.CSV, DAY, DAY.plusDays(1)));
        harness.drain();

        Job done = harness.jobs().get(JobsHarness.CALLER, export.jobId());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(harness.file(done.resultKey()).split("\r?\n")).containsExactly(
                "slug,linkId,day,humanClicks,botClicks,uniqueVisitors",
                "promo,link-1,2026-11-20,2,0,1",
                "promo,link-1,2026-11-21,1,0,1");
    }

    private static ArchivedClick click(String id, String workspace, String at) {
        ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, id, "promo", "link-1", workspace, at, "GET", 302,
                "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "https://news.example/", "en-GB", "GB",
                "0123456789abcdef0123456789abcdef");
        return ArchivedClick.human(event, "GB", "news.example", "desktop", "Linux", "Firefox", "en");
    }

    /** Writes one archive object as the aggregator does: the one codec, under the time-partitioned key. */
    private static void archive(JobsHarness harness, LocalDate day, int hour, List<ArchivedClick> clicks) {
        String key = ArchiveLayout.key(day, hour, clicks.stream().map(ArchivedClick::clickId).toList());
        harness.aws().s3().putObject(r -> r.bucket(harness.env(Map.of()).get(EnvNames.CLICK_ARCHIVE_BUCKET)).key(key),
                RequestBody.fromBytes(ArchiveCodec.encode(clicks)));
    }
}
