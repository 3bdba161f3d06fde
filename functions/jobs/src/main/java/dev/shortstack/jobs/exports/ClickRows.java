package dev.shortstack.jobs.exports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.shared.click.ArchiveLayout;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The workspace's raw clicks from the archive, day by day and hour by hour, each click once
 * (the archive may hold a redelivered batch twice, under a different key). The client IP was
 * never stored; {@code visitorHash} is the daily keyed hash the analytics count uniques with.
 */
final class ClickRows implements ExportSource {
    private final JobFiles archive;

    ClickRows(JobFiles archive) {
        this.archive = archive;
    }

    @Override
    public List<String> columns() {
        return List.of("clickId", "occurredAt", "slug", "method", "status", "userAgent", "referrer", "acceptLanguage",
                "country", "visitorHash");
    }

    @Override
    public void rows(Job job, Consumer<List<?>> sink) {
        for (LocalDate day = job.from(); !day.isAfter(job.to()); day = day.plusDays(1)) {
            Set<String> seen = new HashSet<>();
            for (String key : archive.list(ArchiveLayout.dayPrefix(day))) {
                read(key, job.workspaceId(), seen, sink);
            }
        }
    }

    private void read(String key, String workspaceId, Set<String> seen, Consumer<List<?>> sink) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(archive.read(key)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode node = Json.mapper().readTree(line);
                if (node.path("schemaVersion").asInt() != ClickEvent.SCHEMA_VERSION
                        || !workspaceId.equals(node.path("workspaceId").asText())
                        || !seen.add(node.path("clickId").asText())) {
                    continue;
                }
                ClickEvent click = Json.mapper().treeToValue(node, ClickEvent.class);
                sink.accept(Arrays.asList(click.clickId(), click.occurredAt(), click.slug(), click.method(), click.status(),
                        click.userAgent(), click.referrer(), click.acceptLanguage(), click.country(), click.visitorHash()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading archive object " + key + " failed", e);
        }
    }
}
