package dev.shortstack.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The baseline: a plain handler that answers a fixed redirect without any library. */
public final class HelloHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write("{\"statusCode\":302,\"headers\":{\"location\":\"https://example.com\"}}".getBytes(StandardCharsets.UTF_8));
    }
}
