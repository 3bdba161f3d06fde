package dev.shortstack.jobs.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.jobs.testing.JobsHarness;
import dev.shortstack.links.jobs.ExportFormat;
import dev.shortstack.links.jobs.ExportRequest;
import dev.shortstack.links.jobs.ExportType;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.shared.link.Link;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An export read back by an import into another deployment gives the same links. */
@ExtendWith(EmulatorsExtension.class)
class ExportReimportIntegrationTest {
    private static final int LINKS = 2_500;

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anExportReimportsToTheSameSetOfLinks(ExportFormat format, EmulatedAws aws) {
        JobsHarness source = new JobsHarness(aws, Map.of());
        StringBuilder file = new StringBuilder("slug,url,tags,expiresAt,maxVisits,redirectType,disabled\n");
        for (int i = 0; i < LINKS; i++) {
            file.append(i % 5 == 0 ? "" : "e" + i + "-x").append(',')
                    .append("\"https://example.com/export/").append(i).append("?a=1,b=%22q%22\"").append(',')
                    .append(i % 3 == 0 ? "alpha|beta gamma" : "").append(',')
                    .append(i % 4 == 0 ? "2031-0" + (1 + i % 9) + "-15T08:30:00Z" : "").append(',')
                    .append(i % 6 == 0 ? Integer.toString(10 + i) : "").append(',')
                    .append(i % 7 == 0 ? "301" : "").append(',')
                    .append(i % 11 == 0).append('\n');
        }
        Job imported = source.importFile(ImportFormat.SHORTSTACK_CSV, file.toString().getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(imported.status()).isEqualTo(JobStatus.SUCCEEDED);

        Job export = source.jobs().createExport(JobsHarness.CALLER, new ExportRequest(ExportType.LINKS, format, null, null));
        source.drain();
        Job exported = source.jobs().get(JobsHarness.CALLER, export.jobId());
        assertThat(exported.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(exported.rowsSucceeded()).isEqualTo(LINKS);
        String content = source.file(exported.resultKey());
        assertThat(exported.resultBytes()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);

        JobsHarness target = new JobsHarness(aws, Map.of());
        Job reimported = target.importFile(format.reimportAs(), content.getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(reimported.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(reimported.warnings()).isEmpty();
        assertThat(essence(target.links())).hasSize(LINKS).isEqualTo(essence(source.links()));
    }

    @Test
    void aDateRangeExportsOnlyTheLinksCreatedOnThoseDays(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        harness.importFile(ImportFormat.SHORTSTACK_CSV, "url\nhttps://a.test/1\nhttps://a.test/2\n".getBytes(StandardCharsets.UTF_8), List.of());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Job past = harness.jobs().createExport(JobsHarness.CALLER,
                new ExportRequest(ExportType.LINKS, ExportFormat.JSONL, today.minusDays(9), today.minusDays(1)));
        Job current = harness.jobs().createExport(JobsHarness.CALLER,
                new ExportRequest(ExportType.LINKS, ExportFormat.JSONL, today, today));
        harness.drain();

        assertThat(harness.jobs().get(JobsHarness.CALLER, past.jobId()).rowsSucceeded()).isZero();
        assertThat(harness.file(harness.jobs().get(JobsHarness.CALLER, past.jobId()).resultKey())).isEmpty();
        assertThat(harness.jobs().get(JobsHarness.CALLER, current.jobId()).rowsSucceeded()).isEqualTo(2);
    }

    /** What a link is to its users: everything but its identity and timestamps. */
    private static Set<String> essence(List<Link> links) {
        return links.stream().map(l -> String.join("|", l.slug(), l.url(), String.join("+", l.tags()),
                String.valueOf(l.expiresAt()), String.valueOf(l.maxVisits()), Integer.toString(l.redirectType()),
                Boolean.toString(l.disabled()))).collect(Collectors.toSet());
    }
}
