package dev.shortstack.emulators;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.lambda.FixedContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Invokes a stream handler with a JSON event exactly as the Lambda runtime would. */
public final class LambdaInvoker {
    private LambdaInvoker() {
    }

    public static JsonNode invoke(RequestStreamHandler handler, String functionName, JsonNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out,
                    FixedContext.invocation(functionName));
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
