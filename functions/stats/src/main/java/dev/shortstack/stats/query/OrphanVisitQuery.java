package dev.shortstack.stats.query;

import dev.shortstack.shared.domain.OrphanVisits;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.QueryParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/domains/{host}/visits?from=&to=&kind=&excludeBots=&page=&limit=}: a domain's orphan visits, UTC days
 * (by default the last 30), newest first, a page at a time.
 */
public record OrphanVisitQuery(LocalDate from, LocalDate to, Optional<OrphanVisits.Kind> kind, boolean excludeBots, int page, int limit) {
    public static final int MAX_LIMIT = 500;
    private static final int DEFAULT_LIMIT = 50;
    private static final int DEFAULT_DAYS = 30;
    private static final Set<String> PARAMS = Set.of("from", "to", "kind", "excludeBots", "page", "limit");

    public static OrphanVisitQuery parse(Map<String, String> query, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameters.refuseUnknown(query, PARAMS, errors);
        DayRange days = DayRange.parse(query, today, DEFAULT_DAYS, errors);
        Optional<OrphanVisits.Kind> kind = Optional.empty();
        if (query.containsKey("kind")) {
            kind = OrphanVisits.Kind.ofWireName(query.get("kind"));
            if (kind.isEmpty()) {
                errors.add(new FieldError("query.kind", "must be base_url, invalid_short_url or regular_404"));
            }
        }
        String bots = query.getOrDefault("excludeBots", "false");
        if (!bots.equals("true") && !bots.equals("false")) {
            errors.add(new FieldError("query.excludeBots", "must be true or false"));
        }
        int page = whole(query, "page", 1, 1, 1_000_000, errors);
        int limit = whole(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new OrphanVisitQuery(days.from(), days.to(), kind, bots.equals("true"), page, limit);
    }

    private static int whole(Map<String, String> query, String name, int fallback, int min, int max, List<FieldError> errors) {
        String raw = query.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new FieldError("query." + name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
