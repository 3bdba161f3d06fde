package dev.shortstack.stats.query;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.QueryParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/stats/links?slugs=a,b&from=&to=}: the click counts of a page of links, UTC days,
 * by default the last 30 days. A link on a domain other than the default one is named {@code host/slug}.
 */
public record LinkTotalsQuery(List<String> slugs, LocalDate from, LocalDate to) {
    public static final int MAX_SLUGS = 100;
    private static final int DEFAULT_DAYS = 30;
    private static final Set<String> PARAMS = Set.of("slugs", "from", "to");
    private static final Pattern SLUG = Pattern.compile("([A-Za-z0-9.-]{1,253}/)?[A-Za-z0-9_-]{1,64}");

    public static LinkTotalsQuery parse(Map<String, String> query, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameters.refuseUnknown(query, PARAMS, errors);
        Set<String> slugs = new LinkedHashSet<>();
        String raw = query.getOrDefault("slugs", "");
        for (String slug : raw.split(",")) {
            if (!slug.isBlank()) {
                slugs.add(slug.trim());
            }
        }
        if (slugs.isEmpty()) {
            errors.add(new FieldError("query.slugs", "is required: up to " + MAX_SLUGS + " slugs separated by commas"));
        } else if (slugs.size() > MAX_SLUGS) {
            errors.add(new FieldError("query.slugs", "at most " + MAX_SLUGS + " slugs per request"));
        } else if (slugs.stream().anyMatch(s -> !SLUG.matcher(s).matches())) {
            errors.add(new FieldError("query.slugs", "slugs are 1 to 64 of A-Z a-z 0-9 _ -, preceded by 'host/' on another domain"));
        }
        DayRange days = DayRange.parse(query, today, DEFAULT_DAYS, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new LinkTotalsQuery(List.copyOf(slugs), days.from(), days.to());
    }
}
