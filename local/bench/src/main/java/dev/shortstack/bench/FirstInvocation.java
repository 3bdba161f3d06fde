package dev.shortstack.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.shortstack.shared.lambda.FixedContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: does what the Lambda runtime does on a cold start (load the handler class,
 * construct it, invoke it once with an event) and prints {@code ANSWERED <response>} the moment
 * the response is complete. It runs on a function's own jar, which has everything it uses.
 */
public final class FirstInvocation {
    private FirstInvocation() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long constructed = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))), out, FixedContext.invocation("bench"));
        long invoked = System.nanoTime();
        String response = out.toString(StandardCharsets.UTF_8);
        System.out.println("ANSWERED " + response.replace('\n', ' '));
        System.out.printf("PHASES %d %d%n", (constructed - start) / 1_000_000, (invoked - constructed) / 1_000_000);
        System.out.flush();
        System.exit(0);
    }
}
