package dev.shortstack.stats.query;

import dev.shortstack.shared.http.FieldError;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** A query's {@code from} and {@code to} UTC days: by default the last {@code defaultDays} up to today, at most a year. */
public record DayRange(LocalDate from, LocalDate to) {

    /** @return the range, or null fields where the query's are malformed ({@code errors} says why) */
    static DayRange parse(Map<String, String> query, LocalDate today, int defaultDays, List<FieldError> errors) {
        LocalDate to = StatsQuery.date(query, "to", today, errors);
        LocalDate from = StatsQuery.date(query, "from", (to == null ? today : to).minusDays(defaultDays - 1), errors);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add(new FieldError("query.from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > StatsQuery.MAX_DAYS_DAILY) {
                errors.add(new FieldError("query.to", "at most " + StatsQuery.MAX_DAYS_DAILY + " days"));
            }
        }
        return new DayRange(from, to);
    }
}
