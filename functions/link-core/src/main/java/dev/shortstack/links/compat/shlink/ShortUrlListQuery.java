package dev.shortstack.links.compat.shlink;

import dev.shortstack.links.compat.QueryParams;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.link.Link;
import dev.shortstack.links.links.LinkDomains;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code GET /rest/v3/short-urls}'s parameters (Shlink's filters, order and page numbers) applied to
 * a workspace's links. Shlink pages by number and counts every match, so the list reads every
 * matching link (up to {@link #MAX_LINKS}); a single tag or a search term narrows that read.
 */
public record ShortUrlListQuery(int page, int itemsPerPage, String searchTerm, List<String> tags, boolean allTags,
                                List<String> excludeTags, boolean allExcludeTags, String orderField, boolean descending,
                                Instant startDate, Instant endDate, boolean excludeMaxVisitsReached, boolean excludePastValidUntil,
                                Optional<String> domain) {
    public static final int MAX_LINKS = 10_000;
    private static final int DEFAULT_ITEMS = 10;
    private static final Set<String> PARAMS = Set.of("page", "itemsPerPage", "searchTerm", "tags[]", "tagsMode", "excludeTags[]",
            "excludeTagsMode", "orderBy", "startDate", "endDate", "excludeMaxVisitsReached", "excludePastValidUntil", "domain");
    private static final Set<String> ORDER_FIELDS = Set.of("shortCode", "longUrl", "dateCreated", "visits", "nonBotVisits", "title");

    /** @param domains the stage's domains: {@code domain=DEFAULT} (or the default domain's name) is the default one */
    public static ShortUrlListQuery parse(HttpApiRequest request, LinkDomains domains) {
        List<FieldError> errors = new ArrayList<>();
        QueryParams.onlyKnown(request, PARAMS, errors);
        int page = QueryParams.whole(request, "page", 1, 1, Integer.MAX_VALUE, errors);
        int itemsPerPage = QueryParams.whole(request, "itemsPerPage", DEFAULT_ITEMS, -1, MAX_LINKS, errors);
        if (itemsPerPage == 0) {
            errors.add(new FieldError("itemsPerPage", "must be -1 (all) or at least 1"));
        }
        String search = request.queryParam("searchTerm").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        boolean allTags = mode(request, "tagsMode", errors);
        boolean allExcludeTags = mode(request, "excludeTagsMode", errors);
        String orderField = "dateCreated";
        boolean descending = true;
        String orderBy = request.queryParam("orderBy").orElse(null);
        if (orderBy != null) {
            String[] parts = orderBy.split("-", 2);
            if (!ORDER_FIELDS.contains(parts[0]) || parts.length == 2 && !parts[1].matches("(?i)asc|desc")) {
                errors.add(new FieldError("orderBy", "must be one of " + String.join(", ", ORDER_FIELDS.stream().sorted().toList())
                        + ", optionally followed by -ASC or -DESC"));
            } else {
                orderField = parts[0];
                descending = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
            }
        }
        // Only the links on one domain: empty Optional inside means the default domain (links keep it as null).
        Optional<String> domain = request.queryParam("domain").map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> d.equals("DEFAULT") ? "" : Optional.ofNullable(domains.named(d)).orElse(""));
        domain.filter(d -> !d.isEmpty() && !domains.configured().owners().containsKey(d)).ifPresent(d -> errors.add(new FieldError(
                "domain", "must be DEFAULT, " + domains.defaultHost() + " or another domain of GET /rest/v3/domains")));
        Instant start = QueryParams.date(request, "startDate", errors);
        Instant end = QueryParams.date(request, "endDate", errors);
        boolean excludeMaxVisits = QueryParams.flag(request, "excludeMaxVisitsReached", errors);
        boolean excludePast = QueryParams.flag(request, "excludePastValidUntil", errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new ShortUrlListQuery(page, itemsPerPage, search, request.queryValues("tags[]"), allTags,
                request.queryValues("excludeTags[]"), allExcludeTags, orderField, descending, start, end, excludeMaxVisits, excludePast,
                domain);
    }

    /** The one tag the store can narrow by: with "all", any of them; with "any", only when there is one. */
    public String narrowingTag() {
        return tags.size() == 1 || allTags && !tags.isEmpty() ? tags.get(0) : null;
    }

    /**
     * @param visitsUsed visits used by links that have a limit, by link id
     * @param summaries  figures of the given links, by link id (asked only when the order needs them for every link)
     */
    public <T> Page<T> apply(List<Link> links, Instant now, Map<String, Long> visitsUsed,
                             Function<List<Link>, Map<String, VisitsSummary>> summaries, PageView<T> view) {
        List<Link> matching = links.stream()
                .filter(link -> domain.isEmpty() || domain.get().equals(link.domain() == null ? "" : link.domain()))
                .filter(link -> tags.isEmpty() || matches(link, tags, allTags))
                .filter(link -> excludeTags.isEmpty() || !matches(link, excludeTags, allExcludeTags))
                .filter(link -> startDate == null || !link.createdAt().isBefore(startDate))
                .filter(link -> endDate == null || !link.createdAt().isAfter(endDate))
                .filter(link -> !excludePastValidUntil || link.expiresAt() == null || link.expiresAt().isAfter(now))
                .filter(link -> !excludeMaxVisitsReached || !link.hasVisitLimit()
                        || visitsUsed.getOrDefault(link.linkId(), 0L) < link.maxVisits())
                .toList();
        boolean byVisits = orderField.equals("visits") || orderField.equals("nonBotVisits");
        Map<String, VisitsSummary> figures = byVisits ? summaries.apply(matching) : Map.of();
        List<Link> sorted = new ArrayList<>(matching);
        sorted.sort(comparator(figures));
        int from = itemsPerPage < 0 ? 0 : (int) Math.min((long) (page - 1) * itemsPerPage, sorted.size());
        int to = itemsPerPage < 0 ? sorted.size() : Math.min(from + itemsPerPage, sorted.size());
        List<Link> pageLinks = sorted.subList(from, to);
        Map<String, VisitsSummary> pageFigures = byVisits ? figures : summaries.apply(pageLinks);
        List<T> items = pageLinks.stream().map(link -> view.item(link, pageFigures.getOrDefault(link.linkId(), VisitsSummary.NONE))).toList();
        return new Page<>(items, page, itemsPerPage, sorted.size());
    }

    /** One short URL of the page, as the caller renders it. */
    @FunctionalInterface
    public interface PageView<T> {
        T item(Link link, VisitsSummary visits);
    }

    public record Page<T>(List<T> items, int page, int itemsPerPage, long totalItems) {
    }

    private Comparator<Link> comparator(Map<String, VisitsSummary> figures) {
        Comparator<Link> order = switch (orderField) {
            case "shortCode" -> Comparator.comparing(Link::slug);
            case "longUrl" -> Comparator.comparing(Link::url);
            case "visits" -> Comparator.comparingLong(l -> figures.getOrDefault(l.linkId(), VisitsSummary.NONE).total());
            case "nonBotVisits" -> Comparator.comparingLong(l -> figures.getOrDefault(l.linkId(), VisitsSummary.NONE).nonBots());
            // No titles here: every title is null, so the creation order decides.
            default -> Comparator.comparing(Link::createdAt);
        };
        order = order.thenComparing(Link::createdAt).thenComparing(Link::slug);
        return descending ? order.reversed() : order;
    }

    private static boolean matches(Link link, List<String> wanted, boolean all) {
        Set<String> has = new java.util.HashSet<>(link.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
        return all ? wanted.stream().allMatch(t -> has.contains(t.toLowerCase(Locale.ROOT)))
                : wanted.stream().anyMatch(t -> has.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static boolean mode(HttpApiRequest request, String name, List<FieldError> errors) {
        String raw = request.queryParam(name).orElse("any");
        if (!raw.equals("any") && !raw.equals("all")) {
            errors.add(new FieldError(name, "must be any or all"));
        }
        return raw.equals("all");
    }

}
