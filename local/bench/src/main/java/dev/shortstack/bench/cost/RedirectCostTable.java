package dev.shortstack.bench.cost;

import static dev.shortstack.bench.cost.CostTable.num;

import dev.shortstack.shared.click.GroupCommitClickPublisher;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints one profile's redirect costs as Markdown: dollars per million clicks by line, then what was counted. */
public final class RedirectCostTable {
    private final PrintStream out;
    private final RedirectAssumptions assumptions;

    public RedirectCostTable(PrintStream out, RedirectAssumptions assumptions) {
        this.out = out;
        this.assumptions = assumptions;
    }

    public void print(TrafficProfile profile, List<RedirectCost> costs) {
        out.printf(Locale.ROOT, "%n## %s%n%n", profile.describe());
        long clicks = costs.get(0).usage().clicks();
        String window = profile.wholeDay() ? "one whole UTC day" : profile.window().toMinutes() + " minutes standing for the month's rate";
        out.printf(Locale.ROOT, "Simulated %s: %,d clicks, the same arrivals and links as AnalyticsCostBench's run of this profile.%n%n",
                window, clicks);

        out.println("$ per million clicks:");
        out.println();
        out.println("| design | front door | Lambda requests | Lambda GB-s, or instances and VPC endpoints | SQS | DynamoDB | Logs | analytics"
                + " | queue consume | **total** |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (RedirectCost c : costs) {
            out.printf(Locale.ROOT, "| %s | $%s | $%s | $%s | $%s | $%s | $%s | $%s | $%s | **$%s** |%n", c.design().name(),
                    num(c.frontDoor()), num(c.lambdaRequests()), num(c.compute()), num(c.sqs()), num(c.dynamo()), num(c.logs()),
                    num(c.analytics()), num(c.queueConsume()), num(c.total()));
        }

        out.println();
        out.println("What was counted:");
        out.println();
        out.println("| design | environments | peak concurrency | billed ms / invocation | GB-s / 1,000 clicks | SQS calls / 1,000"
                + " | clicks per SQS call | SQS billed requests / 1,000 | link GetItems / 1,000 | EMF lines / 1,000 | log bytes / click |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (RedirectCost c : costs) {
            RedirectUsage u = c.usage();
            boolean lambda = c.design().compute().kind() == ComputeOption.Kind.LAMBDA;
            double gbSeconds = u.billedMillis() / 1000 * c.design().compute().memoryMb() / 1024.0;
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", c.design().name(),
                    lambda ? String.format(Locale.ROOT, "%,d", u.environments()) : u.environments() + " instances",
                    lambda ? String.format(Locale.ROOT, "%,d", u.peakConcurrency()) : "—",
                    lambda ? num(c.billedMsPerClick()) : "—",
                    lambda ? num(u.perThousandClicks(gbSeconds)) : "—",
                    num(u.perThousandClicks(u.sqsCalls())), num(u.clicksPerSqsCall()), num(u.perThousandClicks(u.sqsBilledRequests())),
                    num(u.perThousandClicks(u.linkReads())), num(u.perThousandClicks(u.metricsLines())), num(c.logBytesPerClick()));
        }
        costs.stream().filter(c -> c.design().isLambdaAsDeployed(FrontDoor.ONE_DOOR, assumptions)).findFirst()
                .ifPresent(c -> printEnvironments(profile, c));
        costs.stream().filter(c -> c.design().compute().kind() == ComputeOption.Kind.MANAGED_INSTANCES).findFirst()
                .ifPresent(c -> printBatching(profile, c));
        int live = costs.stream().mapToInt(c -> c.usage().maxLiveCacheEntries()).max().orElse(0);
        out.printf(Locale.ROOT, "%nLink cache: at most %,d entries live in any one environment at once (an upper bound), %s its %,d-entry"
                + " limit, so no eviction by size is missed.%n", live, live <= assumptions.cacheEntries() ? "within" : "OVER",
                assumptions.cacheEntries());
    }

    /** The rate × duration estimate of warm environments next to what the simulation started. */
    private void printEnvironments(TrafficProfile profile, RedirectCost lambda) {
        RedirectUsage u = lambda.usage();
        out.printf(Locale.ROOT, "%nLambda at %,d MB: rate × mean duration puts %s requests in flight on average (%s clicks/s × %s ms);"
                        + " with Poisson arrivals the simulation started %,d environments (at most %,d requests in flight at once),"
                        + " each with its own link cache.%n", lambda.design().compute().memoryMb(),
                num(profile.clicksPerSecond() * u.meanDurationMs() / 1000), num(profile.clicksPerSecond()), num(u.meanDurationMs()),
                u.environments(), u.peakConcurrency());
    }

    /** Little's law next to what the publisher's own batching gives, for the managed-instances row. */
    private void printBatching(TrafficProfile profile, RedirectCost managed) {
        RedirectUsage u = managed.usage();
        double perInstance = profile.clicksPerSecond() / managed.computeInstances();
        double inFlight = perInstance * u.meanDurationMs() / 1000;
        double sharedIfAllJoined = Math.min(GroupCommitClickPublisher.MAX_BATCH, Math.max(1, inFlight));
        out.printf(Locale.ROOT, "%nManaged instances: %d, each taking %s clicks/s. Little's law puts %s requests in flight per instance"
                        + " (%s ms each, in-process + GetItem share + SQS round trip); if every click in flight shared one call,"
                        + " a message would carry %s click(s) (%s billed requests per 1,000 clicks). The publisher's own"
                        + " batching — an idle sender takes a new click before a lingering one can add it — gives %s click(s) per call,"
                        + " as counted above.%n", managed.computeInstances(), num(perInstance), num(inFlight), num(u.meanDurationMs()),
                num(sharedIfAllJoined), num(1000 / sharedIfAllJoined), num(u.clicksPerSqsCall()));
    }
}
