package dev.shortstack.shared.paging;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next one (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Cuts what a store returned for a page of {@code limit} (it was asked for one more): when that
     * extra item came, there is a next page, starting after the page's last item.
     *
     * @param positionOf an item's unique position in the list's order
     * @param filter     what the list was filtered by, bound into the cursor (null for none)
     */
    /**
     * Every item of a list, page by page; refused past {@code max} (a 503 asking to narrow the list),
     * so a caller that needs them all cannot read without bound.
     */
    public static <T> List<T> walk(int pageSize, int max, Function<PageRequest, Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<T> page = fetch.apply(request);
            all.addAll(page.items());
            if (all.size() > max) {
                throw new ApiProblem(ProblemType.QUERY_LIMIT, "More than " + max + " items match; narrow the list with a search or a tag.");
            }
            if (page.nextCursor() == null) {
                return all;
            }
            request = request.next(page.nextCursor());
        }
    }

    public static <T> Page<T> cut(List<T> fetched, int limit, Function<T, String> positionOf, String filter) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new Page<>(page, new PageCursor(positionOf.apply(page.get(limit - 1)), filter).encode());
    }
}
