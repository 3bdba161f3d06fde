package dev.shortstack.links.compat.shlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortUrlListQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final List<Link> LINKS = List.of(
            link("alpha", "2026-11-01T00:00:00Z", List.of("Docs", "sdk"), null, null),
            link("beta", "2026-11-02T00:00:00Z", List.of("sdk"), 5L, null),
            link("gamma", "2026-11-03T00:00:00Z", List.of(), null, Instant.parse("2026-11-10T00:00:00Z")));
    private static final Map<String, VisitsSummary> FIGURES = Map.of(
            "id-alpha", new VisitsSummary(1, 0), "id-beta", new VisitsSummary(2, 7), "id-gamma", new VisitsSummary(4, 0));

    @Test
    void newestFirstTenAPageByDefaultWithShlinksPagination() {
        ShortUrlListQuery.Page<String> page = apply("");
        assertThat(page.items()).containsExactly("gamma", "beta", "alpha");
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.itemsPerPage()).isEqualTo(10);
    }

    @Test
    void tagsMatchAnyOrAllCaseInsensitivelyAndExcludedTagsLeave() {
        assertThat(apply("tags%5B%5D=docs&tags%5B%5D=SDK").items()).containsExactly("beta", "alpha");
        assertThat(apply("tags%5B%5D=docs&tags%5B%5D=SDK&tagsMode=all").items()).containsExactly("alpha");
        assertThat(apply("excludeTags%5B%5D=docs").items()).containsExactly("gamma", "beta");
    }

    @Test
    void ordersByVisitsOrNonBotVisitsFromTheFiguresAndPagesAfterOrdering() {
        assertThat(apply("orderBy=visits-DESC").items()).containsExactly("beta", "gamma", "alpha");
        assertThat(apply("orderBy=nonBotVisits-DESC").items()).containsExactly("gamma", "beta", "alpha");
        ShortUrlListQuery.Page<String> second = apply("orderBy=shortCode-ASC&itemsPerPage=2&page=2");
        assertThat(second.items()).containsExactly("gamma");
        assertThat(second.totalItems()).isEqualTo(3);
    }

    @Test
    void usedUpAndExpiredLinksCanBeLeftOut() {
        assertThat(apply("excludeMaxVisitsReached=true&excludePastValidUntil=true").items()).containsExactly("alpha");
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        assertThatThrownBy(() -> query("page=0&orderBy=color-UP&tagsMode=some&startDate=yesterday&itemsPerPage=0&domain=x.example&limit=3"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.errors())
                        .extracting(e -> e.field())
                        .containsExactlyInAnyOrder("limit", "page", "itemsPerPage", "orderBy", "tagsMode", "startDate", "domain"));
    }

    private static ShortUrlListQuery.Page<String> apply(String rawQuery) {
        return query(rawQuery).apply(LINKS, NOW, Map.of("id-beta", 5L), some -> FIGURES, (link, visits) -> link.slug());
    }

    private static ShortUrlListQuery query(String rawQuery) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("rawQueryString", rawQuery);
        event.put("rawPath", "/rest/v3/short-urls");
        ObjectNode query = event.putObject("queryStringParameters");
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                query.put(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8), parts[1]);
            }
        }
        event.putObject("requestContext").putObject("http").put("method", "GET").put("path", "/rest/v3/short-urls");
        return ShortUrlListQuery.parse(HttpApiRequest.fromEvent(event), dev.shortstack.links.links.LinkDomains.defaultOnly("https://sho.rt"));
    }

    private static Link link(String slug, String created, List<String> tags, Long maxVisits, Instant expiresAt) {
        Instant at = Instant.parse(created);
        return new Link(slug, "id-" + slug, "ws", "https://example.com/" + slug, 302, at, at, expiresAt, maxVisits, tags, false, 1, "k");
    }
}
