package dev.shortstack.links.compat;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The compatibility APIs' query parameters, every problem collected for one answer. */
public final class QueryParams {
    private QueryParams() {
    }

    public static void onlyKnown(HttpApiRequest request, Set<String> known, List<FieldError> errors) {
        request.queryValues().keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, "is not a parameter of this route")));
    }

    /** Refuses the request at once if it has a parameter the route does not take. */
    public static void requireOnly(HttpApiRequest request, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        onlyKnown(request, known, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    public static int whole(HttpApiRequest request, String name, int fallback, int min, int max, List<FieldError> errors) {
        String raw = request.queryParam(name).orElse("");
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    public static boolean flag(HttpApiRequest request, String name, List<FieldError> errors) {
        String raw = request.queryParam(name).orElse("false");
        if (!raw.equals("true") && !raw.equals("false")) {
            errors.add(new FieldError(name, "must be true or false"));
        }
        return raw.equals("true");
    }

    /** Dates with an offset, as Shlink and Bitly write them ({@code 2026-01-31T00:00:00+00:00}). */
    public static Instant date(HttpApiRequest request, String name, List<FieldError> errors) {
        String raw = request.queryParam(name).orElse("");
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date-time with offset, e.g. 2026-01-31T00:00:00+00:00"));
            return null;
        }
    }
}
