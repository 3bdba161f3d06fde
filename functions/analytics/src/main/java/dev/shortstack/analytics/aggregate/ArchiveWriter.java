package dev.shortstack.analytics.aggregate;

import dev.shortstack.shared.click.ArchiveLayout;
import dev.shortstack.analytics.store.ClickArchive;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes a batch's clicks to the archive: one gzip JSON Lines object per hour the batch spans. */
public final class ArchiveWriter {
    private final ClickArchive archive;

    public ArchiveWriter(ClickArchive archive) {
        this.archive = archive;
    }

    public void write(List<ClickEvent> clicks) {
        Map<ZonedDateTime, List<ClickEvent>> byHour = new LinkedHashMap<>();
        for (ClickEvent click : clicks) {
            ZonedDateTime hour = Instant.parse(click.occurredAt()).atZone(ZoneOffset.UTC).withMinute(0).withSecond(0).withNano(0);
            byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(click);
        }
        byHour.forEach((hour, events) -> archive.put(
                ArchiveLayout.key(hour.toLocalDate(), hour.getHour(), events.stream().map(ClickEvent::clickId).toList()),
                gzipJsonLines(events)));
    }

    static byte[] gzipJsonLines(List<ClickEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (ClickEvent event : events) {
                gzip.write(Json.mapper().writeValueAsBytes(event));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads an archive object back into its clicks. */
    public static List<ClickEvent> read(byte[] gzipped) {
        List<ClickEvent> events = new ArrayList<>();
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped));
             var lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    events.add(Json.mapper().readValue(line, ClickEvent.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
