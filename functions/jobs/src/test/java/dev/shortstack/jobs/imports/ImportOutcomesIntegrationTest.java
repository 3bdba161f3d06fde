package dev.shortstack.jobs.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.jobs.testing.JobsHarness;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.Link;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Imports through the planner and the chunk workers against the emulators, one outcome per test. */
@ExtendWith(EmulatorsExtension.class)
class ImportOutcomesIntegrationTest {

    /** 10,000 rows, 1 % of them malformed in five ways, some good rows spanning two lines. */
    @Test
    void onePercentMalformedRowsAreExactlyTheErrorReportAndEveryOtherRowIsALink(EmulatedAws aws) throws IOException {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("slug,url,tags,maxVisits\n".getBytes(StandardCharsets.UTF_8));
        List<String> expectedErrors = new ArrayList<>();
        Map<String, String> expectedLinks = new java.util.HashMap<>();
        long line = 2;
        for (int i = 0; i < 10_000; i++) {
            String slug = "row" + i;
            String url = "https://example.com/item/" + i;
            byte[] row;
            if (i % 100 == 99) {
                int kind = (i / 100) % 5;
                row = switch (kind) {
                    case 0 -> csv(slug + ",not-a-url,,\n");
                    case 1 -> csv(slug + "," + url + ",,,extra\n");
                    case 2 -> (slug + ",https://example.com/caf\u00e9,,\n").getBytes(StandardCharsets.ISO_8859_1);
                    case 3 -> csv("bad slug!," + url + ",,\n");
                    default -> csv(slug + "," + url + ",,ten\n");
                };
                expectedErrors.add(line + "|" + switch (kind) {
                    case 0 -> "url: must be an absolute URL";
                    case 1 -> "has 5 fields; the header has 4";
                    case 2 -> "url: not valid UTF-8";
                    case 3 -> "slug: may contain only";
                    default -> "maxVisits: must be";
                });
                line++;
            } else if (i % 50 == 0) {
                row = csv(slug + ",\"" + url + "\",\"first,\nsecond\",\n");
                expectedLinks.put(slug, url);
                line += 2;
            } else {
                row = csv(slug + "," + url + ",bulk," + (i % 7 == 0 ? "5" : "") + "\n");
                expectedLinks.put(slug, url);
                line++;
            }
            file.write(row);
        }

        Job job = harness.importFile(ImportFormat.SHORTSTACK_CSV, file.toByteArray(), List.of());

        assertThat(job.status()).isEqualTo(JobStatus.PARTIALLY_SUCCEEDED);
        assertThat(job.rowsTotal()).isEqualTo(10_000);
        assertThat(job.rowsFailed()).isEqualTo(100);
        assertThat(job.rowsSucceeded()).isEqualTo(9_900);
        assertThat(job.chunksDone()).isEqualTo(10);
        List<List<String>> report = parseCsv(harness.file(job.errorKey()));
        assertThat(report.get(0)).containsExactly("line", "input", "outcome", "detail");
        assertThat(report.subList(1, report.size())).allMatch(r -> r.get(2).equals("refused"));
        List<String> reported = report.subList(1, report.size()).stream()
                .map(r -> r.get(0) + "|" + r.get(3)).toList();
        assertThat(reported).hasSize(expectedErrors.size());
        for (int i = 0; i < reported.size(); i++) {
            assertThat(reported.get(i)).startsWith(expectedErrors.get(i));
        }
        assertThat(report.get(1).get(1)).isEqualTo("row99,not-a-url,,");

        Map<String, String> links = harness.links().stream().collect(Collectors.toMap(Link::slug, Link::url));
        assertThat(links).isEqualTo(expectedLinks);
        assertThat(harness.links().stream().filter(l -> l.slug().equals("row50")).findFirst().orElseThrow().tags())
                .containsExactly("first", "second");
    }

    @Test
    void filesThatCannotBeReadFailTheJobWithAReasonAndMakeNoLink(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of(EnvNames.IMPORT_MAX_ROWS, "5", EnvNames.IMPORT_MAX_BYTES, "300"));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("The file is empty.", new byte[0]);
        files.put("The file is empty. ", "\r\n\n\n".getBytes(StandardCharsets.UTF_8));
        files.put("The file has a header but no rows.", "url,slug\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        files.put("The file is UTF-16", "\uFEFFurl\nhttps://a.test\n".getBytes(StandardCharsets.UTF_16LE));
        files.put("has more than 5 rows", "url\nhttps://a.test/1\nhttps://a.test/2\nhttps://a.test/3\nhttps://a.test/4\nhttps://a.test/5\nhttps://a.test/6\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("imports may be at most 300 bytes", ("url\n" + "https://a.test/x\n".repeat(20)).getBytes(StandardCharsets.UTF_8));
        files.put("The header line is not valid CSV", "url,\"slug\nhttps://a.test\n".getBytes(StandardCharsets.UTF_8));

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Job job = harness.importFile(ImportFormat.SHORTSTACK_CSV, file.getValue(), List.of());
            assertThat(job.status()).as(file.getKey()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).as(file.getKey()).contains(file.getKey().trim());
            assertThat(job.rowsTotal()).isZero();
        }
        Job notBitly = harness.importFile(ImportFormat.BITLY_CSV, csv("name,target\na,https://a.test"), List.of());
        assertThat(notBitly.error()).startsWith("This is not a bitly-csv file: its header (name, target) has no 'longurl' column.");
        Job ownAsBitly = harness.importFile(ImportFormat.BITLY_CSV, csv("slug,url\na,https://a.test"), List.of());
        assertThat(ownAsBitly.error()).startsWith("This looks like a shortstack-csv file, not bitly-csv: its header has slug, url.");
        Job notJsonLines = harness.importFile(ImportFormat.JSONL, csv("url\nhttps://a.test"), List.of());
        assertThat(notJsonLines.error()).isEqualTo("This is not a JSON Lines file: line 1 does not start with '{'. Check the declared format.");
        assertThat(harness.links()).isEmpty();
    }

    @Test
    void aByteOrderMarkIsSkippedAndOtherShortenersExportsImportWithTheirMappings(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        Job own = harness.importFile(ImportFormat.SHORTSTACK_CSV,
                csv("\uFEFFurl,slug,redirectType,disabled,expiresAt\r\nhttps://a.test/own,own-1,301,true,2031-05-01T00:00:00Z\r\n"), List.of("batch-1"));
        Job bitly = harness.importFile(ImportFormat.BITLY_CSV, csv("""
                Title,Short link,Long URL,Created,Tags,Clicks
                Launch,https://bit.ly/launch26,https://a.test/launch,2024-01-02 10:00:00,"q4, promo",120
                No back-half,https://bit.ly,https://a.test/broken,2024-01-02 10:00:00,,0
                """), List.of());
        Job shlink = harness.importFile(ImportFormat.SHLINK_CSV, csv("""
                createdAt,shortCode,longUrl,title,tags,visits
                2024-05-01T10:00:00+00:00,guide,https://a.test/docs,Docs,a|b,7
                """), List.of());
        Job lines = harness.importFile(ImportFormat.JSONL, csv("""
                {"url":"https://a.test/j1","slug":"json-1","maxVisits":3,"colour":"red"}
                {"url":"https://a.test/j2","tags":["x"]}
                """), List.of());

        assertThat(own.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(bitly.status()).isEqualTo(JobStatus.PARTIALLY_SUCCEEDED);
        assertThat(bitly.warnings()).isEmpty();
        assertThat(parseCsv(harness.file(bitly.errorKey())).get(1).get(3)).contains("is not a short link with a back-half");
        assertThat(shlink.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(lines.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(lines.warnings()).containsExactly("Unknown JSON fields ignored: colour");

        Map<String, Link> links = harness.links().stream().collect(Collectors.toMap(Link::url, Function.identity()));
        assertThat(links).hasSize(5);
        Link ownLink = links.get("https://a.test/own");
        assertThat(ownLink.slug()).isEqualTo("own-1");
        assertThat(ownLink.redirectType()).isEqualTo(301);
        assertThat(ownLink.disabled()).isTrue();
        assertThat(ownLink.tags()).containsExactly("batch-1");
        assertThat(ownLink.expiresAt()).hasToString("2031-05-01T00:00:00Z");
        assertThat(links.get("https://a.test/launch").slug()).isEqualTo("launch26");
        assertThat(links.get("https://a.test/launch").tags()).containsExactly("q4", "promo");
        assertThat(links.get("https://a.test/launch").title()).isEqualTo("Launch");
        assertThat(links.get("https://a.test/docs").title()).isEqualTo("Docs");
        assertThat(links.get("https://a.test/docs").tags()).containsExactly("a", "b");
        assertThat(links.get("https://a.test/j1").maxVisits()).isEqualTo(3L);
        assertThat(links.get("https://a.test/j2").slug()).hasSize(7);
    }

    @Test
    void aSlugUsedTwiceInTheFileOrTakenAlreadyIsARowError(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        harness.importFile(ImportFormat.SHORTSTACK_CSV, csv("url,slug\nhttps://a.test/old,taken\n"), List.of());

        Job job = harness.importFile(ImportFormat.SHORTSTACK_CSV,
                csv("url,slug\nhttps://a.test/1,twice\nhttps://a.test/2,twice\nhttps://a.test/3,taken\n"), List.of());

        // Rows run in parallel: one of the two rows with the same slug gets it, the other is reported.
        assertThat(job.rowsSucceeded()).isEqualTo(1);
        List<List<String>> report = parseCsv(harness.file(job.errorKey()));
        assertThat(report).hasSize(3);
        assertThat(report.get(1)).isIn(
                List.of("2", "https://a.test/1,twice", "refused", "The slug 'twice' is already taken."),
                List.of("3", "https://a.test/2,twice", "refused", "The slug 'twice' is already taken."));
        assertThat(report.get(2)).containsExactly("4", "https://a.test/3,taken", "refused", "The slug 'taken' is already taken.");
    }

    @Test
    void cancellingStopsTheChunksNotYetStartedAndKeepsWhatWasDone(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of(EnvNames.IMPORT_CHUNK_ROWS, "10"));
        StringBuilder file = new StringBuilder("url\n");
        for (int i = 0; i < 100; i++) {
            file.append("https://a.test/c").append(i).append('\n');
        }
        Job job = harness.jobs().createInlineImport(JobsHarness.CALLER,
                new dev.shortstack.links.jobs.ImportRequest(ImportFormat.SHORTSTACK_CSV, List.of(), java.util.OptionalLong.empty()),
                csv(file.toString()), "text/csv");
        assertThat(harness.deliverOne()).as("the plan").isTrue();
        assertThat(harness.deliverOne()).as("the first chunk").isTrue();

        Job cancelled = harness.jobs().cancel(JobsHarness.CALLER, job.jobId());
        int skipped = harness.drain();

        Job after = harness.jobs().get(JobsHarness.CALLER, job.jobId());
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(skipped).isEqualTo(9);
        assertThat(after.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(after.rowsSucceeded()).isEqualTo(10);
        assertThat(after.chunksDone()).isEqualTo(1);
        assertThat(harness.links()).hasSize(10);
    }

    @Test
    void aFileReplacedWhileItIsImportedFailsTheJobInsteadOfMisreadingTheNewOne(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of(EnvNames.IMPORT_CHUNK_ROWS, "2"));
        Job job = harness.jobs().createInlineImport(JobsHarness.CALLER,
                new dev.shortstack.links.jobs.ImportRequest(ImportFormat.SHORTSTACK_CSV, List.of(), java.util.OptionalLong.empty()),
                csv("url\nhttps://a.test/1\nhttps://a.test/2\nhttps://a.test/3\n"), "text/csv");
        assertThat(harness.deliverOne()).as("the plan").isTrue();
        harness.deps().files().put(job.sourceKey(), csv("url,slug\nhttps://b.test/1,other-1\n"), "text/csv");

        harness.drain();

        Job after = harness.jobs().get(JobsHarness.CALLER, job.jobId());
        assertThat(after.status()).isEqualTo(JobStatus.FAILED);
        assertThat(after.error()).startsWith("The file was replaced by a new upload while it was being imported");
        assertThat(harness.links()).extracting(Link::url).noneMatch(url -> url.startsWith("https://b.test"));
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses CSV with the importer's own record reader. */
    static List<List<String>> parseCsv(String text) {
        try {
            RecordReader reader = new RecordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, 0, 1);
            List<List<String>> rows = new ArrayList<>();
            for (RawRecord record = reader.next(); record != null; record = reader.next()) {
                rows.add(record.fields().stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList());
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
