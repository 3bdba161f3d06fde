package dev.shortstack.stats.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.compat.QueryParams;
import dev.shortstack.links.compat.bitly.BitlinkId;
import dev.shortstack.links.compat.bitly.BitlyAuth;
import dev.shortstack.links.compat.bitly.BitlyProblems;
import dev.shortstack.links.compat.bitly.BitlyViews;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.stats.query.LinkClickFigures;
import dev.shortstack.stats.query.LinkClickFigures.Unit;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bitly's click figures of a Bitlink, answered by the stats API: clicks by unit, their total, and
 * clicks by country and by referrer. As on Bitly, a window is {@code units} of {@code unit} ending
 * at {@code unit_reference} (now by default; {@code units=-1}: since the link was created), and the
 * counts are people's clicks: bots are left out. Units are UTC.
 */
public final class BitlyMetricRoutes {
    private static final Set<String> PARAMS = Set.of("unit", "units", "unit_reference", "size");
    private static final DateTimeFormatter BITLY_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");
    private static final int MAX_SIZE = 1000;

    private final Authenticator authenticator;
    private final LinkService links;
    private final LinkClickFigures figures;
    private final BitlyViews views;
    private final Clock clock;
    private final RouteTable routes = new RouteTable();

    public BitlyMetricRoutes(Authenticator authenticator, LinkService links, LinkClickFigures figures, String shortBaseUrl, Clock clock) {
        this.authenticator = authenticator;
        this.links = links;
        this.figures = figures;
        this.views = new BitlyViews(shortBaseUrl);
        this.clock = clock;
        for (String bitlink : List.of("/v4/bitlinks/{domain}/{hash}", "/v4/bitlinks/{hash}")) {
            routes.add("GET", bitlink + "/clicks", (request, params) -> clicks(request, BitlinkId.key(params, links.domains())))
                    .add("GET", bitlink + "/clicks/summary", (request, params) -> summary(request, BitlinkId.key(params, links.domains())))
                    .add("GET", bitlink + "/countries", (request, params) -> byValue(request, BitlinkId.key(params, links.domains()), "countries"))
                    .add("GET", bitlink + "/referrers", (request, params) -> byValue(request, BitlinkId.key(params, links.domains()), "referrers"));
        }
    }

    public static boolean handles(HttpApiRequest request) {
        return request.path().startsWith("/v4/");
    }

    public HttpApiResponse answer(HttpApiRequest request) {
        return BitlyProblems.answer("bitlinks", () -> routes.dispatch(request));
    }

    private HttpApiResponse clicks(HttpApiRequest request, String slug) {
        Window window = window(request, slug);
        Map<Instant, Long> counts = figures.byUnit(LinkClickFigures.Scope.of(window.link()), window.unit(), window.start(), window.end());
        ObjectNode body = envelope(window);
        ArrayNode series = body.putArray("link_clicks");
        // Most recent unit first, every unit of the window (zero when nobody clicked), at most size of them.
        ZonedDateTime unitStart = window.unit().startOf(window.end().minusNanos(1));
        while (!unitStart.toInstant().isBefore(window.unit().startOf(window.start()).toInstant())
                && series.size() < window.size()) {
            series.addObject().put("date", BitlyViews.time(unitStart.toInstant())).put("clicks", counts.getOrDefault(unitStart.toInstant(), 0L));
            unitStart = window.unit().plus(unitStart, -1);
        }
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse summary(HttpApiRequest request, String slug) {
        Window window = window(request, slug);
        long total = figures.count(LinkClickFigures.Scope.of(window.link()), window.start(), window.end());
        ObjectNode body = envelope(window);
        body.put("total_clicks", total);
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse byValue(HttpApiRequest request, String slug, String facet) {
        Window window = window(request, slug);
        List<Map.Entry<String, Long>> top = facet.equals("countries")
                ? figures.byValue(LinkClickFigures.Scope.of(window.link()), "country", "(unknown)", window.start(), window.end(), window.size())
                : figures.byValue(LinkClickFigures.Scope.of(window.link()), "referrer_host", "(direct)", window.start(), window.end(), window.size());
        ObjectNode body = envelope(window);
        body.put("facet", facet);
        ArrayNode metrics = body.putArray("metrics");
        top.forEach(entry -> metrics.addObject().put("value", entry.getKey()).put("clicks", entry.getValue()));
        return HttpApiResponse.uncachedJson(200, body);
    }

    private record Window(Link link, Unit unit, int units, Instant start, Instant end, int size) {
    }

    private Window window(HttpApiRequest request, String slug) {
        Caller caller = BitlyAuth.caller(authenticator, request, Role.READ);
        List<FieldError> errors = new ArrayList<>();
        QueryParams.onlyKnown(request, PARAMS, errors);
        Unit unit = Unit.DAY;
        String rawUnit = request.queryParam("unit").filter(u -> !u.isEmpty()).orElse("day");
        try {
            unit = Unit.valueOf(rawUnit.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("unit", "must be minute, hour, day, week or month"));
        }
        int units = QueryParams.whole(request, "units", -1, -1, 100_000, errors);
        if (units == 0) {
            errors.add(new FieldError("units", "must be -1 (since the link was created) or at least 1"));
        }
        int size = QueryParams.whole(request, "size", 50, 1, MAX_SIZE, errors);
        Instant reference = reference(request.queryParam("unit_reference").orElse(""), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        Link link = links.get(caller, slug);
        Instant end = reference != null ? reference : clock.instant();
        Instant start = units < 0 ? link.createdAt() : unit.plus(unit.startOf(end), -(units - 1)).toInstant();
        return new Window(link, unit, units, start.isAfter(end) ? end : start, end.plusNanos(1), size);
    }

    private ObjectNode envelope(Window window) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("units", window.units());
        body.put("unit", window.unit().name().toLowerCase(Locale.ROOT));
        body.put("unit_reference", BitlyViews.time(window.end().minusNanos(1)));
        return body;
    }

    /** Bitly's unit_reference is ISO 8601, with its offset written either way (+0000 or +00:00). */
    private static Instant reference(String raw, List<FieldError> errors) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(raw, BITLY_OFFSET).toInstant();
            } catch (DateTimeParseException again) {
                errors.add(new FieldError("unit_reference", "must be an ISO 8601 date-time with offset, e.g. 2026-12-01T00:00:00+0000"));
                return null;
            }
        }
    }
}
