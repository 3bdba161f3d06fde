package dev.shortstack.shared.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.click.ClickEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveCodecTest {
    private static final ClickEvent EVENT = new ClickEvent(ClickEvent.SCHEMA_VERSION, "5b0e6f0c-1f5e-4b7e-9a0c-3d2f1e0a9b01",
            "promo", "lnk_1", "ws", "2026-11-27T09:30:00Z", "GET", 302, "Mozilla/5.0", "https://t.co/x", "de", "DE",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    @Test
    void whatIsWrittenIsReadBackWhole() {
        List<ArchivedClick> clicks = List.of(ArchivedClick.human(EVENT, "DE", "t.co", "desktop", "Windows", "Chrome", "de"),
                ArchivedClick.bot(EVENT, "Slackbot"));

        assertThat(ArchiveCodec.decode("k", ArchiveCodec.encode(clicks))).isEqualTo(clicks);
    }

    @Test
    void aTruncatedObjectIsRefusedNamingItsKey() {
        byte[] whole = ArchiveCodec.encode(List.of(ArchivedClick.bot(EVENT, "Slackbot")));

        assertThatThrownBy(() -> ArchiveCodec.decode("clicks/dt=2026-11-27/hour=09/x.jsonl.gz", Arrays.copyOf(whole, whole.length - 9)))
                .isInstanceOf(CorruptArchiveObjectException.class)
                .hasMessageContaining("clicks/dt=2026-11-27/hour=09/x.jsonl.gz");
    }

    @Test
    void linesOfAnotherSchemaOrWithoutTheirClassificationAreRefused() throws Exception {
        String version1 = "{\"schemaVersion\":1,\"clickId\":\"c\",\"slug\":\"s\",\"linkId\":\"l\",\"workspaceId\":\"w\","
                + "\"occurredAt\":\"2026-11-27T09:30:00Z\",\"method\":\"GET\",\"status\":302}";
        String unclassified = version1.replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        String badTime = unclassified.replace("\"status\":302", "\"status\":302,\"bot\":true").replace("2026-11-27T09:30:00Z", "yesterday");

        for (String line : List.of(version1, unclassified, badTime, "{\"schemaVersion\":2,")) {
            assertThatThrownBy(() -> ArchiveCodec.decode("k", gzip(line))).as(line).isInstanceOf(CorruptArchiveObjectException.class);
        }
    }

    @Test
    void bucketsAndVersionsAreStable() {
        assertThat(ArchiveLayout.bucketOf("lnk_1", 1)).isZero();
        assertThat(ArchiveLayout.bucketOf("lnk_1", 16)).isEqualTo(ArchiveLayout.bucketOf("lnk_1", 16)).isBetween(0, 15);
        assertThat(ArchiveLayout.version(List.of("b", "a"))).isEqualTo(ArchiveLayout.version(List.of("a", "b")))
                .isNotEqualTo(ArchiveLayout.version(List.of("a")));
        String file = ArchiveLayout.compactedFile(java.time.LocalDate.of(2026, 11, 27), "acme team", "0123abcd", 3, 8);
        assertThat(file).isEqualTo("compacted/dt=2026-11-27/ws=acme+team/0123abcd-b3-of-8.parquet");
        assertThat(ArchiveLayout.versionOf(file)).isEqualTo("0123abcd");
        assertThat(ArchiveLayout.dayOfRawKey(ArchiveLayout.key(java.time.LocalDate.of(2026, 11, 27), 9, List.of("c"))))
                .isEqualTo(java.time.LocalDate.of(2026, 11, 27));
    }

    private static byte[] gzip(String line) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(line.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
