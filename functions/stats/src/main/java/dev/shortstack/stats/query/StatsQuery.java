package dev.shortstack.stats.query;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.QueryParameters;
import dev.shortstack.shared.stats.Dimension;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated stats request: local dates {@code from}..{@code to} (both included) in {@code tz},
 * bucketed by hour or day, with the breakdowns asked for.
 */
public record StatsQuery(LocalDate from, LocalDate to, ZoneId tz, boolean hourly, Set<Dimension> dimensions, int top) {
    public static final int MAX_DAYS_DAILY = 366;
    public static final int MAX_DAYS_HOURLY = 31;
    private static final Set<String> PARAMS = Set.of("from", "to", "tz", "granularity", "dimensions", "top");

    /** Reads the query string; every bad parameter is reported at once. Defaults: the last 7 days, daily, UTC. */
    public static StatsQuery parse(Map<String, String> query, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameters.refuseUnknown(query, PARAMS, errors);
        ZoneId tz = ZoneId.of("UTC");
        if (query.containsKey("tz")) {
            try {
                tz = ZoneId.of(query.get("tz"));
            } catch (DateTimeException e) {
                errors.add(new FieldError("query.tz", "must be an IANA time zone such as Europe/Berlin"));
            }
        }
        LocalDate to = date(query, "to", today, errors);
        LocalDate from = date(query, "from", to == null ? today.minusDays(6) : to.minusDays(6), errors);
        String granularity = query.getOrDefault("granularity", "day");
        if (!granularity.equals("day") && !granularity.equals("hour")) {
            errors.add(new FieldError("query.granularity", "must be hour or day"));
        }
        boolean hourly = granularity.equals("hour");
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add(new FieldError("query.from", "must not be after to"));
            } else {
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                int max = hourly ? MAX_DAYS_HOURLY : MAX_DAYS_DAILY;
                if (days > max) {
                    errors.add(new FieldError("query.to", "the range is " + days + " days; at most " + max + " with granularity " + granularity));
                }
            }
        }
        Set<Dimension> dimensions = EnumSet.allOf(Dimension.class);
        if (query.containsKey("dimensions")) {
            dimensions = EnumSet.noneOf(Dimension.class);
            for (String name : query.get("dimensions").split(",")) {
                String trimmed = name.trim();
                var dimension = Dimension.fromWire(trimmed);
                if (dimension.isEmpty()) {
                    errors.add(new FieldError("query.dimensions", "unknown dimension '" + trimmed + "'; use country, referrer, device, os, browser, language or bot"));
                } else {
                    dimensions.add(dimension.get());
                }
            }
        }
        int top = 10;
        if (query.containsKey("top")) {
            try {
                top = Integer.parseInt(query.get("top"));
                if (top < 1 || top > 100) {
                    errors.add(new FieldError("query.top", "must be from 1 to 100"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("query.top", "must be a whole number from 1 to 100"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new StatsQuery(from, to, tz, hourly, dimensions, top);
    }

    /** A date parameter, the fallback when it is absent, or null with an error when it is malformed. */
    static LocalDate date(Map<String, String> query, String name, LocalDate fallback, List<FieldError> errors) {
        if (!query.containsKey(name)) {
            return fallback;
        }
        try {
            return LocalDate.parse(query.get(name));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("query." + name, "must be a date such as 2026-11-28"));
            return null;
        }
    }
}
