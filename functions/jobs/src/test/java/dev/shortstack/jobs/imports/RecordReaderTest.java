package dev.shortstack.jobs.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndLinesAreCountedAcrossThem() throws IOException {
        String csv = "slug,url\r\n"
                + "a,\"https://x.test/?q=1,2\"\r\n"
                + "\"b\",\"say \"\"hi\"\"\"\r\n"
                + "c,\"two\nlines\"\n"
                + "\n"
                + "d,last";
        List<RawRecord> records = readAll(csv, true);

        assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L, 3L, 4L, 7L);
        assertThat(fields(records.get(1))).containsExactly("a", "https://x.test/?q=1,2");
        assertThat(fields(records.get(2))).containsExactly("b", "say \"hi\"");
        assertThat(fields(records.get(3))).containsExactly("c", "two\nlines");
        assertThat(fields(records.get(4))).containsExactly("d", "last");
        assertThat(records).allSatisfy(r -> assertThat(r.problem()).isNull());
    }

    @Test
    void byteRangesCutAtRecordBoundariesReadBackTheSameRecords() throws IOException {
        String csv = "slug,url\n\"x\",\"a\nb\"\ny,é\r\nz,\"q\"\"\"\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<RawRecord> whole = readAll(csv, true);
        for (RawRecord record : whole) {
            byte[] range = Arrays.copyOfRange(bytes, (int) record.start(), (int) record.end());
            RawRecord again = new RecordReader(new ByteArrayInputStream(range), true, record.start(), record.line()).next();
            assertThat(fields(again)).isEqualTo(fields(record));
            assertThat(again.line()).isEqualTo(record.line());
            assertThat(again.end()).isEqualTo(record.end());
        }
        assertThat(whole.get(whole.size() - 1).end()).isEqualTo(bytes.length);
    }

    @Test
    void anUnterminatedQuoteAndTextAfterAClosingQuoteAreReportedOnTheirRecord() throws IOException {
        List<RawRecord> records = readAll("a,\"fine\"x\nb,\"never closed\nc,d\n", true);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).problem()).contains("after a closing quote");
        assertThat(records.get(1).problem()).contains("never closed");
        assertThat(records.get(1).line()).isEqualTo(2);
    }

    @Test
    void jsonLinesAreOneRecordPerLineWithBlankLinesSkipped() throws IOException {
        List<RawRecord> records = readAll("{\"url\":\"a,b\"}\r\n\r\n{\"url\":\"\\\"c\\\"\"}", false);

        assertThat(records).extracting(RawRecord::line).containsExactly(1L, 3L);
        assertThat(records).extracting(RawRecord::text).containsExactly("{\"url\":\"a,b\"}", "{\"url\":\"\\\"c\\\"\"}");
        assertThat(records).allSatisfy(r -> assertThat(r.fields()).isNull());
    }

    private static List<RawRecord> readAll(String text, boolean csv) throws IOException {
        RecordReader reader = new RecordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), csv, 0, 1);
        List<RawRecord> records = new ArrayList<>();
        for (RawRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    private static List<String> fields(RawRecord record) {
        return record.fields().stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }
}
