package dev.shortstack.jobs.exports;

import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.links.LinkStore;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The workspace's links (created from {@code from} to {@code to}, when given), in Shortstack's import columns. */
final class LinkRows implements ExportSource {
    private final LinkStore links;

    LinkRows(LinkStore links) {
        this.links = links;
    }

    @Override
    public List<String> columns() {
        return List.of("slug", "url", "tags", "expiresAt", "maxVisits", "redirectType", "disabled", "title", "description", "fallbackUrl",
                "createdAt");
    }

    @Override
    public void rows(Job job, Consumer<List<?>> sink) {
        WorkspaceLinks.forEach(links, job.workspaceId(),
                job.from() == null ? null : job.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                job.to() == null ? null : job.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                link -> sink.accept(Arrays.asList(link.slug(), link.url(), link.tags(),
                        link.expiresAt() == null ? null : link.expiresAt().toString(), link.maxVisits(),
                        link.redirectType(), link.disabled(), link.title(), link.description(), link.fallbackUrl(),
                        link.createdAt().toString())));
    }
}
