package dev.shortstack.jobs.imports;

import static dev.shortstack.jobs.imports.ImportOutcomesIntegrationTest.csv;
import static dev.shortstack.jobs.imports.ImportOutcomesIntegrationTest.parseCsv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.jobs.testing.JobsHarness;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.InvalidSlugPolicy;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.shared.link.Link;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exports of other shorteners as people bring them: slugs Shortstack does not allow, tags with
 * characters it does not keep, internationalised domains, a slug already taken, and a file declared
 * as the wrong format. Each row ends as the import's options say, and the report says which and why.
 */
@ExtendWith(EmulatorsExtension.class)
class RealExportsIntegrationTest {
    /** Shlink's CSV export: slugs too short, reserved, with a dot; tags with & and brackets; an IDN host. */
    private static final String SHLINK = """
            createdAt,shortCode,longUrl,title,tags,visits
            2024-05-01T10:00:00+00:00,docs,https://a.test/docs,Docs,,3
            2024-05-01T10:00:00+00:00,ab,https://a.test/ab,,R&D|Q2 (EMEA),1
            2024-05-01T10:00:00+00:00,talk.2024,https://bücher.example/talk 2024,,&&&|talks,9
            2024-05-01T10:00:00+00:00,keynote,https://a.test/keynote,Keynote,,4
            2024-05-01T10:00:00+00:00,taken-here,https://a.test/mine,,,0
            2024-05-01T10:00:00+00:00,broken,not a url,,,0
            """;
    /** Bitly's export: back-halves Shortstack refuses, tags Bitly allows. */
    private static final String BITLY = """
            Title,Short link,Long URL,Created,Tags,Clicks
            Launch,https://bit.ly/launch26,https://a.test/launch,2024-01-02 10:00:00,"R&D, Q2 (EMEA)",120
            Short,https://bit.ly/x,https://a.test/x,2024-01-02 10:00:00,,5
            Dotted,https://bit.ly/v1.2,https://a.test/v1,2024-01-02 10:00:00,promo,7
            """;

    @Test
    void withOnInvalidSlugRandomEveryRowWithAUsableUrlBecomesALinkAndTheReportNamesEachNewSlug(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        harness.importFile(ImportFormat.SHORTSTACK_CSV, csv("url,slug\nhttps://a.test/theirs,taken-here\n"), List.of());

        Job shlink = harness.importFile(ImportFormat.SHLINK_CSV, csv(SHLINK), List.of(), InvalidSlugPolicy.RANDOM);
        Job bitly = harness.importFile(ImportFormat.BITLY_CSV, csv(BITLY), List.of(), InvalidSlugPolicy.RANDOM);

        System.out.printf("Shlink export, onInvalidSlug=random: %d created (%d of them renamed), %d refused%n",
                shlink.rowsSucceeded(), shlink.rowsRenamed(), shlink.rowsFailed());
        System.out.printf("Bitly export, onInvalidSlug=random: %d created (%d of them renamed), %d refused%n",
                bitly.rowsSucceeded(), bitly.rowsRenamed(), bitly.rowsFailed());
        assertThat(shlink.status()).isEqualTo(JobStatus.PARTIALLY_SUCCEEDED);
        assertThat(List.of(shlink.rowsSucceeded(), shlink.rowsRenamed(), shlink.rowsFailed())).containsExactly(5L, 4L, 1L);
        assertThat(bitly.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(List.of(bitly.rowsSucceeded(), bitly.rowsRenamed(), bitly.rowsFailed())).containsExactly(3L, 2L, 0L);

        Map<String, Link> links = harness.links().stream().collect(Collectors.toMap(Link::url, Function.identity()));
        assertThat(links.get("https://a.test/keynote").slug()).isEqualTo("keynote");
        assertThat(links.get("https://a.test/launch").slug()).isEqualTo("launch26");
        assertThat(links.get("https://a.test/launch").tags()).containsExactly("R-D", "Q2 EMEA");
        assertThat(links.get("https://a.test/ab").tags()).containsExactly("R-D", "Q2 EMEA");
        Link talk = links.get("https://xn--bcher-kva.example/talk%202024");
        assertThat(talk.tags()).containsExactly("talks");
        assertThat(links.get("https://a.test/theirs").slug()).as("the link that had the slug keeps it").isEqualTo("taken-here");

        List<List<String>> report = parseCsv(harness.file(shlink.errorKey()));
        assertThat(report.get(0)).containsExactly("line", "input", "outcome", "detail");
        assertThat(report.subList(1, report.size())).extracting(r -> r.get(0) + " " + r.get(2)).containsExactly(
                "2 renamed", "3 renamed", "4 renamed", "6 renamed", "7 refused");
        assertThat(report.get(1).get(3)).isEqualTo("slug 'docs' → '" + links.get("https://a.test/docs").slug()
                + "' (slug: 'docs' is reserved)");
        assertThat(report.get(2).get(3)).isEqualTo("slug 'ab' → '" + links.get("https://a.test/ab").slug()
                + "' (slug: must be 3 to 64 characters long); tag 'R&D' → 'R-D'; tag 'Q2 (EMEA)' → 'Q2 EMEA'");
        assertThat(report.get(3).get(3)).isEqualTo("slug 'talk.2024' → '" + talk.slug()
                + "' (slug: may contain only letters, digits, '-' and '_'); url written as 'https://xn--bcher-kva.example/talk%202024';"
                + " tag '&&&' dropped: none of it fits the tag rules");
        assertThat(report.get(4).get(3)).isEqualTo("slug 'taken-here' → '" + links.get("https://a.test/mine").slug()
                + "' (The slug 'taken-here' is already taken.)");
        assertThat(report.get(5).get(3)).startsWith("url: ");

        List<List<String>> bitlyReport = parseCsv(harness.file(bitly.errorKey()));
        assertThat(bitlyReport.subList(1, bitlyReport.size())).extracting(r -> r.get(0) + " " + r.get(2)).containsExactly(
                "2 changed", "3 renamed", "4 renamed");
        assertThat(bitlyReport.get(1).get(3)).isEqualTo("tag 'R&D' → 'R-D'; tag 'Q2 (EMEA)' → 'Q2 EMEA'");
    }

    @Test
    void withTheDefaultRejectARowWhoseSlugCannotBeTakenIsRefusedAndNothingIsRenamed(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        harness.importFile(ImportFormat.SHORTSTACK_CSV, csv("url,slug\nhttps://a.test/theirs,taken-here\n"), List.of());

        Job shlink = harness.importFile(ImportFormat.SHLINK_CSV, csv(SHLINK), List.of());

        System.out.printf("Shlink export, onInvalidSlug=reject: %d created, %d refused%n", shlink.rowsSucceeded(), shlink.rowsFailed());
        assertThat(List.of(shlink.rowsSucceeded(), shlink.rowsRenamed(), shlink.rowsFailed())).containsExactly(1L, 0L, 5L);
        List<List<String>> report = parseCsv(harness.file(shlink.errorKey()));
        assertThat(report.subList(1, report.size())).extracting(r -> r.get(0) + " " + r.get(2)).containsExactly(
                "2 refused", "3 refused", "4 refused", "6 refused", "7 refused");
        assertThat(report.get(1).get(3)).isEqualTo("slug: 'docs' is reserved");
        assertThat(harness.links()).extracting(Link::slug).containsExactlyInAnyOrder("taken-here", "keynote");
    }

    @Test
    void aShlinkExportDeclaredAsBitlyFailsAtOnceNamingTheFormatItLooksLike(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of());

        Job job = harness.importFile(ImportFormat.BITLY_CSV, csv(SHLINK), List.of());

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("This looks like a shlink-csv file, not bitly-csv: its header has shortCode, visits."
                + " Import it with the format shlink-csv; docs/imports.md lists each format's columns.");
        assertThat(job.rowsTotal()).isZero();
        assertThat(harness.links()).isEmpty();
    }
}
