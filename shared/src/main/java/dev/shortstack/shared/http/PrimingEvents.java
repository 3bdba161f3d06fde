package dev.shortstack.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import java.util.Map;

/** Builds the synthetic HTTP API events functions prime themselves with. */
public final class PrimingEvents {
    /**
     * Marks a priming request, so that it leaves no trace a visit would (an orphan visit). CloudFront never forwards it:
     * the redirect's origin request policy lists the headers it sends.
     */
    public static final String HEADER = "x-shortstack-priming";

    private PrimingEvents() {
    }

    public static boolean isPriming(HttpApiRequest request) {
        return request.header(HEADER).isPresent();
    }

    public static JsonNode get(String path, Map<String, String> pathParameters, Map<String, String> headers) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "2.0");
        event.put("rawPath", path);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        headerNode.put(HEADER, "1");
        ObjectNode params = event.putObject("pathParameters");
        pathParameters.forEach(params::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "priming");
        context.put("timeEpoch", System.currentTimeMillis());
        ObjectNode http = context.putObject("http");
        http.put("method", "GET");
        http.put("path", path);
        http.put("sourceIp", "127.0.0.1");
        event.put("isBase64Encoded", false);
        return event;
    }
}
