package dev.shortstack.shared.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The /v1 routes' query parameters: one rule for the ones a route does not take, every one reported at once. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** Adds an error ({@code query.<name>}) for each parameter not in {@code known}, in name order. */
    public static void refuseUnknown(Map<String, String> query, Set<String> known, List<FieldError> errors) {
        query.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError("query." + name, "is not a known parameter")));
    }

    /** Refuses the request (400) if it has a parameter not in {@code known}. */
    public static void requireOnly(Map<String, String> query, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        refuseUnknown(query, known, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }
}
