package dev.shortstack.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes CloudFront moves per redirect, which it bills as data transfer: the answer out to the
 * viewer and the forwarded request in to the origin. Counted as HTTP/1.1 text (no TLS records, no
 * HTTP/2 header compression). The answer is the function's own (measured by {@link RedirectProbe})
 * plus the headers CloudFront adds to it; the request is the fixture's request line and the viewer
 * headers the origin request policy forwards (Cdn.REDIRECT_HEADERS), plus the headers CloudFront adds
 * (the origin secret among them; not the origin access control's signature headers).
 *
 * @param toViewer bytes of one answer sent to the viewer
 * @param toOrigin bytes of one request sent to the origin
 */
public record FrontDoorBytes(int toViewer, int toOrigin) {
    /** Cdn.REDIRECT_HEADERS, lower-cased as the fixture's headers are. */
    public static final List<String> FORWARDED_HEADERS = List.of("accept", "accept-language", "referer", "user-agent",
            "cloudfront-viewer-country", "cloudfront-viewer-address");
    /** The response headers policy's security headers (the function sets referrer-policy itself), and CloudFront's own. */
    private static final List<String> CLOUDFRONT_RESPONSE_HEADERS = List.of(
            "strict-transport-security: max-age=63072000; includeSubDomains; preload",
            "x-content-type-options: nosniff",
            "x-frame-options: DENY",
            "date: Tue, 01 Dec 2026 12:00:00 GMT",
            "x-cache: Miss from cloudfront",
            "via: 1.1 0123456789abcdef0123456789abcdef.cloudfront.net (CloudFront)",
            "x-amz-cf-pop: IAD89-C1",
            "x-amz-cf-id: 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ_==");
    private static final List<String> CLOUDFRONT_REQUEST_HEADERS = List.of(
            "host: abc123.execute-api.us-east-1.amazonaws.com",
            "via: 2.0 0123456789abcdef0123456789abcdef.cloudfront.net (CloudFront)",
            "x-amz-cf-id: 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ_==",
            "x-forwarded-for: 203.0.113.7",
            OriginVerifier.HEADER + ": " + RedirectProbe.ORIGIN_SECRET);

    public static FrontDoorBytes of(RedirectMeasurement measurement) {
        int added = CLOUDFRONT_RESPONSE_HEADERS.stream().mapToInt(h -> utf8(h) + 2).sum();
        JsonNode event = Fixtures.event(RedirectProbe.EVENT);
        StringBuilder request = new StringBuilder("GET ").append(event.path("rawPath").asText()).append(" HTTP/1.1\r\n");
        for (String name : FORWARDED_HEADERS) {
            JsonNode value = event.path("headers").path(name);
            if (!value.isMissingNode()) {
                request.append(name).append(": ").append(value.asText()).append("\r\n");
            }
        }
        CLOUDFRONT_REQUEST_HEADERS.forEach(h -> request.append(h).append("\r\n"));
        request.append("\r\n");
        return new FrontDoorBytes(measurement.responseBytes() + added, utf8(request.toString()));
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
