package dev.shortstack.links.compat.dub;

import dev.shortstack.links.compat.QueryParams;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Dub's page numbers ({@code page}, {@code pageSize}); its SDKs ask for the next page until one comes back short. */
public record Paging(int page, int pageSize) {
    static final int MAX_PAGE_SIZE = 100;

    /** @param otherParams the route's parameters besides page and pageSize; any other is refused */
    public static Paging of(HttpApiRequest request, Set<String> otherParams) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>(otherParams);
        known.addAll(Set.of("page", "pageSize"));
        QueryParams.onlyKnown(request, known, errors);
        int page = QueryParams.whole(request, "page", 1, 1, Integer.MAX_VALUE, errors);
        int pageSize = QueryParams.whole(request, "pageSize", MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new Paging(page, pageSize);
    }

    public <T> List<T> of(List<T> all) {
        int from = (int) Math.min((long) (page - 1) * pageSize, all.size());
        return all.subList(from, Math.min(from + pageSize, all.size()));
    }
}
