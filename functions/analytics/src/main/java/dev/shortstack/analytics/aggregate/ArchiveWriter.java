package dev.shortstack.analytics.aggregate;

import dev.shortstack.analytics.store.ClickArchive;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a batch's clicks to the archive: one object per click hour the batch spans. */
public final class ArchiveWriter {
    private final ClickArchive archive;

    public ArchiveWriter(ClickArchive archive) {
        this.archive = archive;
    }

    /** @return the keys written, each with the start of its clicks' UTC hour */
    public Map<String, Instant> write(List<ArchivedClick> clicks) {
        Map<ZonedDateTime, List<ArchivedClick>> byHour = new LinkedHashMap<>();
        for (ArchivedClick click : clicks) {
            ZonedDateTime hour = Instant.parse(click.occurredAt()).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
            byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(click);
        }
        Map<String, Instant> written = new TreeMap<>();
        byHour.forEach((hour, hourClicks) -> {
            String key = ArchiveLayout.key(hour.toLocalDate(), hour.getHour(), hourClicks.stream().map(ArchivedClick::clickId).toList());
            archive.put(key, ArchiveCodec.encode(hourClicks));
            written.put(key, hour.toInstant());
        });
        return written;
    }
}
