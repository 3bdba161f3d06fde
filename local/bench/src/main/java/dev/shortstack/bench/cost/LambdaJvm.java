package dev.shortstack.bench.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link RedirectProbe} in a fresh JVM with the flags the deployed function runs with: Lambda's
 * Java runtime defaults ({@code -XX:+UseSerialGC}) and the function's {@code JAVA_TOOL_OPTIONS}
 * ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1}, ShortstackFunction.JVM_OPTIONS: C1 only), on
 * this JVM's class path and working directory. Its standard error passes through; its last line of
 * standard output is the measurement.
 */
public final class LambdaJvm {
    public static final List<String> FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private LambdaJvm() {
    }

    public static RedirectMeasurement probe(int warmup, int measured, int rounds) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RedirectProbe.class.getName());
        command.add(Integer.toString(warmup));
        command.add(Integer.toString(measured));
        command.add(Integer.toString(rounds));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            if (exit != 0 || out.isEmpty()) {
                throw new IllegalStateException("The redirect probe exited with " + exit + ": " + out);
            }
            String last = out.substring(out.lastIndexOf('\n') + 1);
            return Json.mapper().readValue(last, RedirectMeasurement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The redirect probe's answer is not a measurement", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the redirect probe ran", e);
        }
    }
}
