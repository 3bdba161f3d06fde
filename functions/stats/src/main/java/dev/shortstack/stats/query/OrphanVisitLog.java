package dev.shortstack.stats.query;

import dev.shortstack.shared.domain.OrphanVisits;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A workspace's orphan visits (visits to its domains that found no link), newest first, with how many of each kind. */
public final class OrphanVisitLog {
    private final VisitLog log;

    public OrphanVisitLog(VisitLog log) {
        this.log = log;
    }

    /** @param counts every kind, zero when it had none */
    public record Result(VisitLog.Page page, Map<OrphanVisits.Kind, Long> counts) {
    }

    /**
     * @param owner   the workspace that owns the domains
     * @param domains the domains' settings keys ({@code ShortDomains.settingsKey})
     * @param kind    only visits of this kind (the counts are of every kind)
     */
    public Result visits(String owner, List<String> domains, Optional<OrphanVisits.Kind> kind, Instant start, Instant end,
                         boolean excludeBots, long offset, int limit) {
        Set<String> all = new LinkedHashSet<>();
        domains.forEach(domain -> all.addAll(OrphanVisits.linkIdsOf(domain)));
        String workspace = OrphanVisits.workspaceOf(owner);
        Map<OrphanVisits.Kind, Long> counts = new EnumMap<>(OrphanVisits.Kind.class);
        for (OrphanVisits.Kind each : OrphanVisits.Kind.values()) {
            counts.put(each, 0L);
        }
        if (all.isEmpty() || !end.isAfter(start)) {
            return new Result(new VisitLog.Page(List.of(), 0), counts);
        }
        log.countsByLinkId(workspace, all, start, end, excludeBots).forEach((linkId, count) ->
                OrphanVisits.parse(linkId).ifPresent(filed -> counts.merge(filed.kind(), count, Long::sum)));
        Set<String> wanted = new LinkedHashSet<>();
        domains.forEach(domain -> kind.ifPresentOrElse(k -> wanted.add(OrphanVisits.linkIdOf(k, domain)),
                () -> wanted.addAll(OrphanVisits.linkIdsOf(domain))));
        return new Result(log.visits(workspace, wanted, start, end, excludeBots, offset, limit), counts);
    }
}
