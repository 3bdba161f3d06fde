package dev.shortstack.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shortstack.shared.concurrent.DaemonPool;
import dev.shortstack.shared.infra.ApiRoutes;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.ClientAddress;
import dev.shortstack.shared.http.ViewerHost;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.http.Problems;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.text.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulates the API Gateway HTTP API (and CloudFront's {@code /app/*}, the dashboard) in front of
 * the functions: the same routes as the cloud
 * (the API's routes from {@link ApiRoutes}, the most specific first, {@code GET|HEAD /{slug}} to the redirect), each
 * request turned into a payload-format-2.0 event and the function's answer back into HTTP.
 */
final class HttpApiGateway implements AutoCloseable {
    /** Requests handled at once: a redirect waits for its click's acknowledgement, so enough to keep batches full. */
    static final int WORKERS = 128;
    /** API Gateway's own payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService workers;
    private final FunctionPool linksApi;
    private final FunctionPool redirect;
    private final FunctionPool statsApi;
    private final String originSecret;
    private final CorsEmulation cors;
    private final StaticAssets assets;
    private final ShortDomains domains;

    /**
     * @param originSecret what CloudFront would add to every request it forwards (a client's own value is replaced)
     * @param corsOrigins  origins allowed to call /v1 from browser scripts (none: no CORS)
     * @param assets       the dashboard's files, with the headers CloudFront's /app/* behaviour adds
     */
    HttpApiGateway(InetSocketAddress address, FunctionPool linksApi, FunctionPool redirect, FunctionPool statsApi,
                   String originSecret, List<String> corsOrigins, ShortDomains domains, StaticAssets assets) throws IOException {
        this.cors = new CorsEmulation(corsOrigins);
        this.domains = domains;
        this.assets = assets;
        this.linksApi = linksApi;
        this.redirect = redirect;
        this.statsApi = statsApi;
        this.originSecret = originSecret;
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs:
        // ~40 ms per keep-alive request (measured: 2,000 requests 3.3 s before, 1.7 s after).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(address, 256);
        this.workers = DaemonPool.fixed("http-api", WORKERS);
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** API Gateway's answer when a function fails: 500 with its own small body (the exchange is closed only after it). */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                serveOpen(exchange);
            } catch (RuntimeException e) {
                LOG.error("Function invocation failed", e);
                respond(exchange, exchange.getRequestMethod(), 500, Map.of("content-type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void serveOpen(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            respond(exchange, method, 413, Map.of("content-type", "application/json"),
                    "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals("/health") && method.equals("GET")) {
            respond(exchange, method, 200, Map.of("content-type", "application/json"),
                    "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String host = exchange.getRequestHeaders().getFirst("host");
        boolean otherDomain = domains.domainOf(host) != null;
        // The runner's default domain opens the dashboard at its root; another domain's root is the redirect's, as in AWS.
        if ((method.equals("GET") || method.equals("HEAD")) && ((path.equals("/") && !otherDomain) || path.equals("/app"))) {
            respond(exchange, method, 302, Map.of("location", StaticAssets.PREFIX, "cache-control", "no-cache"), new byte[0]);
            return;
        }
        if (path.startsWith(StaticAssets.PREFIX) && (method.equals("GET") || method.equals("HEAD"))) {
            Optional<StaticAssets.Asset> asset = assets.find(path);
            if (asset.isPresent()) {
                respond(exchange, method, 200, asset.get().headers(), asset.get().body());
            } else {
                respond(exchange, method, 404, Map.of("content-type", "text/plain"), "Not found".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        boolean api = ApiRoutes.isApiPath(path);
        Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst("origin"));
        if (api && cors.isPreflight(method, Optional.ofNullable(exchange.getRequestHeaders().getFirst("access-control-request-method")))) {
            respond(exchange, method, 204, cors.preflight(origin), new byte[0]);
            return;
        }
        Route route = route(method, path);
        if (route == null && api) {
            // API Gateway's own 404 for a path no route matches (e.g. /v1 alone), as a problem like the functions'.
            HttpApiResponse problem = Problems.response(new ApiProblem(ProblemType.ROUTE_NOT_FOUND,
                    "No route " + method + " " + path + "."), null);
            respond(exchange, method, problem.statusCode(), problem.headers(), problem.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (route == null) {
            // Outside /v1 the distribution's default behaviour allows GET and HEAD only (to the redirect); CloudFront
            // itself refuses other methods with its own 403 page, the runner with a problem that says what is allowed.
            HttpApiResponse problem = Problems.response(new ApiProblem(ProblemType.METHOD_NOT_ALLOWED,
                    method + " is not answered here: short links take GET and HEAD; the API is under /v1.",
                    List.of(), Map.of("allow", "GET, HEAD")), null);
            respond(exchange, method, problem.statusCode(), problem.headers(), problem.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ObjectNode request = event(exchange, method, path, body, route);
        ((ObjectNode) request.get("headers")).put(OriginVerifier.HEADER, originSecret);
        if (api) {
            // As the CloudFront Function on the API's behaviours does: the viewer's address, whatever the client sent.
            ((ObjectNode) request.get("headers")).put(ClientAddress.HEADER, exchange.getRemoteAddress().getAddress().getHostAddress());
        }
        // As the CloudFront Functions on every behaviour do: the domain the visitor asked for, whatever the client sent.
        if (host != null) {
            ((ObjectNode) request.get("headers")).put(ViewerHost.HEADER, host);
        } else {
            ((ObjectNode) request.get("headers")).remove(ViewerHost.HEADER);
        }
        byte[] event = Json.mapper().writeValueAsBytes(request);
        JsonNode response = Json.mapper().readTree(route.function().invoke(event));
        writeResponse(exchange, method, response, api ? cors.response(origin) : Map.of());
    }

    private record Route(String routeKey, FunctionPool function, Map<String, String> pathParameters) {
    }

    /** The route API Gateway would choose (ApiRoutes, as deployed); outside the API, CloudFront's default behaviour. */
    private Route route(String method, String rawPath) {
        if (ApiRoutes.isApiPath(rawPath)) {
            return ApiRoutes.match(method, rawPath)
                    .map(m -> new Route(m.routeKey(), switch (m.route().target()) {
                        case LINKS_API -> linksApi;
                        case STATS_API -> statsApi;
                        case REDIRECT -> redirect;
                    }, m.pathParameters()))
                    .orElse(null);
        }
        // Everything else is CloudFront's default behaviour: the redirect's function URL, which has no routes, so a
        // path with more segments is a slug that does not exist and gets the redirect's own 404 page.
        if (method.equals("GET") || method.equals("HEAD")) {
            return new Route(method + " /{slug}", redirect, Map.of("slug", ApiRoutes.decodePath(rawPath.substring(1))));
        }
        return null;
    }

    private static ObjectNode event(HttpExchange exchange, String method, String rawPath, byte[] body, Route route) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", rawPath);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = event.putObject("headers");
        List<String> cookies = null;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                cookies = header.getValue();
            } else {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        if (cookies != null) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            queryParameters(rawQuery).forEach(query::put);
        }
        ObjectNode pathParameters = event.putObject("pathParameters");
        route.pathParameters().forEach(pathParameters::put);
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", exchange.getRequestHeaders().getFirst("Host"));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", ApiRoutes.decodePath(rawPath));
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (body.length > 0) {
            String text = Utf8.decodeStrict(body).orElse(null);
            event.put("isBase64Encoded", text == null);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway joins repeated query parameters with commas. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = ApiRoutes.decodePath(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : ApiRoutes.decodePath(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    private static void writeResponse(HttpExchange exchange, String method, JsonNode response, Map<String, String> added)
            throws IOException {
        int status = response.path("statusCode").asInt(500);
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        headers.putAll(added);
        JsonNode body = response.get("body");
        byte[] bytes = new byte[0];
        if (body != null && !body.isNull()) {
            bytes = response.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
        }
        respond(exchange, method, status, headers, bytes);
    }

    private static void respond(HttpExchange exchange, String method, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = method.equalsIgnoreCase("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : (body.length == 0 ? -1 : body.length));
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** @return the body, or null when it is larger than API Gateway accepts */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
