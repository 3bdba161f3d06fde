package dev.shortstack.jobs.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.links.jobs.ImportFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowMapperTest {

    @Test
    void bitlyExportsMapTheBackHalfToTheSlugArchivedToDisabledAndKeepTheTitle() {
        ColumnMapping mapping = ColumnMapping.of(ImportFormat.BITLY_CSV,
                List.of("Title", "Short link", "Long URL", "Created", "Tags", "Clicks", "Archived"));
        MappedRow row = new RowMapper(mapping, List.of("from-bitly"))
                .map(csv("Launch,https://bit.ly/3xYz9Ab,https://example.com/launch,2024-01-02,\"q4, promo\",12,true"));

        assertThat(row.body().toString()).isEqualTo(
                "{\"title\":\"Launch\",\"slug\":\"3xYz9Ab\",\"url\":\"https://example.com/launch\",\"tags\":[\"q4\",\"promo\",\"from-bitly\"]}");
        assertThat(row.disabled()).isTrue();
        assertThat(mapping.warnings()).isEmpty();
    }

    @Test
    void shlinkCsvMapsShortCodeValidUntilAndMaxVisits() {
        ColumnMapping mapping = ColumnMapping.of(ImportFormat.SHLINK_CSV,
                List.of("createdAt", "domain", "shortCode", "shortUrl", "longUrl", "title", "tags", "visits", "validUntil", "maxVisits", "crawlable"));
        MappedRow row = new RowMapper(mapping, List.of()).map(csv(
                "2024-05-01T10:00:00+00:00,,docs,https://s.test/docs,https://example.com/docs,Docs,a|b,7,2031-01-01T00:00:00+00:00,100,true"));

        assertThat(row.body().toString()).isEqualTo("{\"slug\":\"docs\",\"url\":\"https://example.com/docs\",\"title\":\"Docs\","
                + "\"expiresAt\":\"2031-01-01T00:00:00+00:00\",\"maxVisits\":100,\"tags\":[\"a\",\"b\"]}");
        assertThat(mapping.warnings()).containsExactly("Unknown columns ignored: crawlable", "Columns Shortstack does not keep: domain");
    }

    @Test
    void aTitleLongerThanShortstackKeepsIsShortenedAndTheRowSaysSo() {
        ColumnMapping mapping = ColumnMapping.of(ImportFormat.BITLY_CSV, List.of("Title", "Long URL"));
        MappedRow row = new RowMapper(mapping, List.of()).map(csv("T".repeat(250) + ",https://example.com/long-title"));

        assertThat(row.body().path("title").asText()).hasSize(200).endsWith("T…");
        assertThat(row.changes()).containsExactly("title shortened to 200 characters");
    }

    @Test
    void aHeaderWithoutTheFormatsUrlColumnIsNotThatFormat() {
        assertThatThrownBy(() -> ColumnMapping.of(ImportFormat.BITLY_CSV, List.of("name", "target")))
                .isInstanceOf(FileProblem.class)
                .hasMessageContaining("not a bitly-csv file").hasMessageContaining("'longurl'");
        assertThatThrownBy(() -> ColumnMapping.of(ImportFormat.BITLY_CSV, List.of("slug", "url")))
                .isInstanceOf(FileProblem.class)
                .hasMessageStartingWith("This looks like a shortstack-csv file, not bitly-csv: its header has slug, url.");
        assertThatThrownBy(() -> ColumnMapping.of(ImportFormat.SHORTSTACK_CSV, List.of("url", "URL")))
                .isInstanceOf(FileProblem.class).hasMessageContaining("twice");
    }

    @Test
    void raggedRowsBadEncodingAndBadBooleansAreRowProblems() {
        RowMapper mapper = new RowMapper(ColumnMapping.of(ImportFormat.SHORTSTACK_CSV, List.of("url", "slug", "disabled")), List.of());

        assertThatThrownBy(() -> mapper.map(csv("https://a.test,x"))).isInstanceOf(RowProblem.class)
                .hasMessage("has 2 fields; the header has 3");
        byte[] latin1 = "https://a.test/caf\u00e9,cafe,false\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> mapper.map(read(latin1, true))).isInstanceOf(RowProblem.class)
                .hasMessage("url: not valid UTF-8 (save the file as UTF-8)");
        assertThatThrownBy(() -> mapper.map(csv("https://a.test,s,maybe"))).isInstanceOf(RowProblem.class)
                .hasMessage("disabled: must be true or false, not 'maybe'");
        assertThat(mapper.map(csv("https://a.test,,no")).body().has("slug")).isFalse();
    }

    @Test
    void jsonLinesKeepTheApiFieldsWarnAboutUnknownOnesAndSkipExportOnlyOnes() {
        RowMapper mapper = new RowMapper(null, List.of("imported"));
        MappedRow row = mapper.map(read("{\"url\":\"https://a.test\",\"tags\":[\"x\"],\"disabled\":true,\"createdAt\":\"2020-01-01T00:00:00Z\",\"colour\":\"red\"}"
                .getBytes(StandardCharsets.UTF_8), false));

        assertThat(row.body().toString()).isEqualTo("{\"url\":\"https://a.test\",\"tags\":[\"x\",\"imported\"]}");
        assertThat(row.disabled()).isTrue();
        assertThat(row.warnings()).containsExactly("Unknown JSON fields ignored: colour");
        assertThatThrownBy(() -> mapper.map(read("[1,2]".getBytes(StandardCharsets.UTF_8), false)))
                .isInstanceOf(RowProblem.class).hasMessage("is not a JSON object");
        assertThatThrownBy(() -> mapper.map(read("{\"url\":".getBytes(StandardCharsets.UTF_8), false)))
                .isInstanceOf(RowProblem.class).hasMessageStartingWith("not valid JSON:");
    }

    private static RawRecord csv(String line) {
        return read((line + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    private static RawRecord read(byte[] bytes, boolean csv) {
        try {
            return new RecordReader(new ByteArrayInputStream(bytes), csv, 0, 2).next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
