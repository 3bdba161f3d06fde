package dev.shortstack.shared.paging;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A paged list's query: {@code limit} (1 to 100, 20 by default) and the opaque {@code cursor} of the
 * previous page, with the list's other parameters; any parameter the list does not take is a 400.
 */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** @param otherParams the list's parameters besides limit and cursor */
    public static PageRequest parse(HttpApiRequest request, Set<String> otherParams) {
        Set<String> known = new HashSet<>(otherParams);
        known.addAll(Set.of("limit", "cursor"));
        List<String> unknown = request.query().keySet().stream().filter(p -> !known.contains(p)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.validation("query." + unknown.get(0), "is not a known parameter; use "
                    + String.join(", ", known.stream().sorted().toList()));
        }
        int limit = request.queryParam("limit").map(PageRequest::limit).orElse(DEFAULT_LIMIT);
        return new PageRequest(limit, request.queryParam("cursor").filter(c -> !c.isBlank()).orElse(null));
    }

    /** The position to list after, read from the cursor, which must have been made for this filter. */
    public String after(String filter) {
        return cursor == null ? null : PageCursor.decode(cursor, filter).afterCreatedKey();
    }

    /** The next page of the same list. */
    public PageRequest next(String nextCursor) {
        return new PageRequest(limit, nextCursor);
    }

    private static int limit(String raw) {
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.validation("query.limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
