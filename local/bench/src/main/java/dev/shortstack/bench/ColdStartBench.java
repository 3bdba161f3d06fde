package dev.shortstack.bench;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.keys.ApiKeyService;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.emulators.Stage;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import dev.shortstack.shared.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Cold starts in fresh JVMs against the emulators: JVM start to the first answer of each
 * function, next to a plain handler on the same classpath (the baseline), and the first DynamoDB
 * call on each candidate HTTP client. Variants are interleaved run by run so that machine noise
 * falls on all of them alike. Usage: {@code java -jar local/bench/target/shortstack-bench.jar [--runs N]}.
 */
public final class ColdStartBench {
    /** What Lambda's Java 17+ runtime passes to the JVM by default. */
    private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private record Variant(String name, List<String> command, String expect) {
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 7;
        Path repo = Fixtures.eventsDir().getParent();
        Path redirectJar = lambdaJar(repo, "redirect");
        Path linksApiJar = lambdaJar(repo, "links-api");
        Path benchClasses = repo.resolve("local/bench/target/classes");
        String sdkClasspath = benchClasses + ":" + repo.resolve("local/bench/target/lib") + "/*";

        try (EmulatedAws aws = EmulatedAws.start(Optional.empty())) {
            Stage stage = aws.provision("bench");
            seed(aws, stage);
            Map<String, String> env = functionEnv(aws, stage);
            Path redirectEvent = eventFile("redirect/get-slug.json", "/launch-2026", "/bench", "\"launch-2026\"", "\"bench\"");
            Path createEvent = eventFile("links-api/create-link-random-slug.json", "", "", "", "");
            String linksTable = stage.resourceEnv().get(EnvNames.LINKS_TABLE);

            List<Variant> variants = List.of(
                    new Variant("plain handler (baseline)", java(redirectJar + ":" + benchClasses, FirstInvocation.class,
                            HelloHandler.class.getName(), redirectEvent.toString()), "\"statusCode\":302"),
                    new Variant("redirect: first redirect answered", java(redirectJar + ":" + benchClasses, FirstInvocation.class,
                            "dev.shortstack.redirect.entrypoints.RedirectFunction", redirectEvent.toString()), "\"statusCode\":302"),
                    new Variant("links-api: first link created", java(linksApiJar + ":" + benchClasses, FirstInvocation.class,
                            "dev.shortstack.links.entrypoints.LinksApiFunction", createEvent.toString()), "\"statusCode\":201"),
                    new Variant("SDK GetItem on URLConnection client", java(sdkClasspath, FirstGetItem.class, "urlconnection",
                            aws.dynamoEndpoint().toString(), linksTable), "ANSWERED"),
                    new Variant("SDK GetItem on Apache 5 client", java(sdkClasspath, FirstGetItem.class, "apache5",
                            aws.dynamoEndpoint().toString(), linksTable), "ANSWERED"),
                    new Variant("SDK GetItem on AWS CRT client", java(sdkClasspath, FirstGetItem.class, "crt",
                            aws.dynamoEndpoint().toString(), linksTable), "ANSWERED"));

            Map<String, List<Double>> timings = new LinkedHashMap<>();
            variants.forEach(v -> timings.put(v.name(), new ArrayList<>()));
            for (Variant warmUp : variants) {
                time(warmUp, env);
            }
            for (int run = 0; run < runs; run++) {
                for (Variant variant : variants) {
                    timings.get(variant.name()).add(time(variant, env));
                }
            }
            report(runs, timings, Map.of("redirect", redirectJar, "links-api", linksApiJar));
        }
    }

    /** Per variant: milliseconds from main() to the handler constructed, and of the first invocation. */
    private static final Map<String, List<long[]>> PHASES = new LinkedHashMap<>();

    private static double time(Variant variant, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(variant.command()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Double elapsedMs = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ANSWERED") && elapsedMs == null) {
                    elapsedMs = (System.nanoTime() - start) / 1e6;
                    if (!line.contains(variant.expect())) {
                        throw new IllegalStateException(variant.name() + " answered unexpectedly: " + line);
                    }
                }
                if (line.startsWith("PHASES ")) {
                    String[] parts = line.split(" ");
                    PHASES.computeIfAbsent(variant.name(), k -> new ArrayList<>())
                            .add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
                output.append(line).append('\n');
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || elapsedMs == null) {
            process.destroyForcibly();
            throw new IllegalStateException(variant.name() + " did not answer. Output:\n" + output);
        }
        return elapsedMs;
    }

    private static void report(int runs, Map<String, List<Double>> timings, Map<String, Path> jars) throws IOException {
        double baseline = median(timings.values().iterator().next());
        System.out.printf(Locale.ROOT, "%nCold start, JVM start to first answer: median of %d fresh JVMs each (%s, %d cores, %s)%n%n",
                runs, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), String.join(" ", LAMBDA_JVM_FLAGS));
        System.out.println("| variant | median ms | min ms | max ms | × baseline |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        timings.forEach((name, ms) -> {
            DoubleSummaryStatistics range = ms.stream().collect(Collectors.summarizingDouble(Double::doubleValue));
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2f |%n",
                    name, median(ms), range.getMin(), range.getMax(), median(ms) / baseline);
        });
        System.out.println();
        System.out.println("Where a cold start goes (medians, ms): the rest of each total is JVM start and loading the handler class.");
        System.out.println();
        System.out.println("| variant | constructor (clients, config) | first invocation |");
        System.out.println("| --- | ---: | ---: |");
        PHASES.forEach((name, phases) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", name,
                median(phases.stream().map(p -> (double) p[0]).toList()), median(phases.stream().map(p -> (double) p[1]).toList())));
        System.out.println();
        System.out.println("| function jar | size |");
        System.out.println("| --- | ---: |");
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s (`%s`) | %.1f MB |%n", jar.getKey(), jar.getValue().getFileName(),
                    Files.size(jar.getValue()) / 1_048_576.0);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> java(String classpath, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.add("-cp");
        command.add(classpath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The environment Lambda would give the functions, and nothing of this shell's. */
    private static Map<String, String> functionEnv(EmulatedAws aws, Stage stage) {
        Map<String, String> env = new LinkedHashMap<>(aws.awsEnv());
        env.putAll(stage.resourceEnv());
        env.put(EnvNames.SHORT_BASE_URL, "https://sho.rt");
        env.put(EnvNames.CLICK_IP_HASH_KEY, "bench-visitor-hash-key-0123456789");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_EMF_ENVIRONMENT", "Local");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    /** The link the redirect variant follows, and the fixture admin key the create variant uses. */
    private static void seed(EmulatedAws aws, Stage stage) {
        Instant now = Instant.now();
        Link link = new Link("bench", "bench-link", Fixtures.WORKSPACE, "https://example.com/bench", 302, now, now,
                null, null, List.of(), false, 1, "bench");
        aws.dynamo().putItem(r -> r.tableName(stage.resourceEnv().get(EnvNames.LINKS_TABLE)).item(LinkItems.toItem(link, 8)));
        new ApiKeyService(new DynamoApiKeyStore(aws.dynamo(), stage.resourceEnv().get(EnvNames.API_KEYS_TABLE)), Clock.systemUTC())
                .importKey(Fixtures.ADMIN_KEY, Fixtures.WORKSPACE, Role.ADMIN, "bench");
    }

    private static Path eventFile(String fixture, String... replacements) throws IOException {
        String json = Files.readString(Fixtures.eventsDir().resolve(fixture));
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            if (!replacements[i].isEmpty()) {
                json = json.replace(replacements[i], replacements[i + 1]);
            }
        }
        Path file = Files.createTempFile("bench-event", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, json);
        return file;
    }

    private static Path lambdaJar(Path repo, String function) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(repo.resolve("functions/" + function + "/target"), "*-lambda.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("No Lambda jar for " + function + ": run ./mvnw -q -DskipTests package first");
    }
}
