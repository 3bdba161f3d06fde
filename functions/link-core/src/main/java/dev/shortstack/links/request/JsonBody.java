package dev.shortstack.links.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.json.Json;
import java.util.Locale;
import java.util.Set;

/** Checks a request's content type and size, then parses its body as one JSON object. */
public final class JsonBody {
    public static final int MAX_BYTES = 16 * 1024;

    private JsonBody() {
    }

    public static ObjectNode parse(HttpApiRequest request, Set<String> acceptedMediaTypes) {
        String contentType = request.header("content-type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!acceptedMediaTypes.contains(mediaType)) {
            throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as "
                    + String.join(" or ", acceptedMediaTypes.stream().sorted().toList())
                    + (mediaType.isEmpty() ? "; no Content-Type was given." : ", not " + mediaType + "."));
        }
        if (request.bodyBytes() > MAX_BYTES) {
            throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is " + request.bodyBytes() + " bytes; the limit is " + MAX_BYTES + ".");
        }
        if (request.body() == null || request.body().isBlank()) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "The request body is empty; send a JSON object.");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "The body must be a JSON object.");
        }
        return (ObjectNode) node;
    }
}
