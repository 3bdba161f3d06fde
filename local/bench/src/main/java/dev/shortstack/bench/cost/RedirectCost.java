package dev.shortstack.bench.cost;

/**
 * One design's dollars per million clicks at one profile, line by line, from what was counted
 * ({@link RedirectUsage}), measured ({@link RedirectMeasurement}) and taken from AnalyticsCostBench
 * ({@link ProfileResult}), at the list prices of {@link Prices}.
 *
 * @param logBytesPerClick    CloudWatch Logs bytes per click: the function's own lines and Lambda's
 * @param computeInstances    managed instances running (0 on standard Lambda)
 * @param billedMsPerClick    Lambda's billed ms per invocation (0 on managed instances)
 */
public record RedirectCost(RedirectDesign design, RedirectUsage usage, double frontDoor, double lambdaRequests,
                           double compute, double sqs, double dynamo, double logs, double analytics,
                           double queueConsume, double logBytesPerClick, int computeInstances, double billedMsPerClick) {

    private static final double MILLION = 1_000_000;
    private static final double HOURS_PER_MONTH = 30 * 24;

    public double total() {
        return frontDoor + lambdaRequests + compute + sqs + dynamo + logs + analytics + queueConsume;
    }

    public static RedirectCost of(RedirectDesign design, RedirectUsage usage, TrafficProfile profile,
                                  RedirectMeasurement measured, FrontDoorBytes wire, ProfileResult analytics,
                                  RedirectAssumptions assumptions) {
        double perClick = MILLION / usage.clicks();
        ComputeOption option = design.compute();
        boolean lambda = option.kind() == ComputeOption.Kind.LAMBDA;

        double requests = usage.clicks() * (lambda ? Prices.LAMBDA_REQUEST : Prices.MANAGED_INSTANCES_REQUEST) * perClick;
        int instances = lambda ? 0 : option.instances(profile, assumptions);
        double billedMs = lambda ? usage.billedMillis() / usage.clicks() : 0;
        double logBytes = logBytesPerClick(design, usage, measured, billedMs, assumptions);
        double compute = lambda
                ? usage.billedMillis() / 1000 * option.memoryMb() / 1024.0 * Prices.LAMBDA_ARM_GB_SECOND * perClick
                : managedInstancesPerMillion(instances, profile, assumptions, measured.clickBodyBytes() + logBytes);
        Usage.Dollars analyticsDollars = (design.previous() ? analytics.oldDesign() : analytics.newDesign()).dollarsPerMillionClicks();

        return new RedirectCost(design, usage,
                design.frontDoor().dollarsPerClick(profile, wire) * MILLION,
                requests,
                compute,
                usage.sqsBilledRequests() * Prices.SQS_REQUEST * perClick,
                usage.linkReads() * linkReadUnits(design) * Prices.DYNAMODB_RRU * perClick,
                logBytes / Prices.BYTES_PER_GB * Prices.CLOUDWATCH_LOGS_INGESTED_GB * MILLION,
                analyticsDollars.analytics(),
                // A message carries the clicks of one call (one on standard Lambda): receives and deletes count messages.
                analyticsDollars.queueConsume() / (design.previous() ? 1 : usage.clicksPerSqsCall()),
                logBytes, instances, billedMs);
    }

    /**
     * A link read of an active link: strongly consistent before (1 RRU); now eventually consistent first
     * (DynamoLinkReader), half a unit, as every simulated click is on a link that exists.
     */
    static double linkReadUnits(RedirectDesign design) {
        return design.previous() ? 1.0 : 0.5;
    }

    /**
     * The instances with Lambda's management fee, and the VPC's interface endpoints: their hours, and the
     * bytes each click sends through them (its SQS message and its log bytes).
     */
    private static double managedInstancesPerMillion(int instances, TrafficProfile profile, RedirectAssumptions assumptions,
                                                     double endpointBytesPerClick) {
        double monthly = instances * HOURS_PER_MONTH * Prices.M7G_LARGE_HOUR * (1 + Prices.MANAGED_INSTANCES_FEE_SHARE)
                + assumptions.interfaceEndpoints() * assumptions.availabilityZones() * HOURS_PER_MONTH
                * Prices.INTERFACE_ENDPOINT_AZ_HOUR;
        return monthly / profile.clicksPerMonth() * MILLION
                + endpointBytesPerClick / Prices.BYTES_PER_GB * Prices.INTERFACE_ENDPOINT_GB * MILLION;
    }

    /**
     * Per click: what the function writes per request (measured), Lambda's START/END/REPORT lines where the design has them, and the
     * metrics lines — the previous design's one per request (measured, plus the HandlerLatency metric it also
     * had), or the current one per environment per 10 s as the simulation counted them. Each EMF line also
     * carries the Lambda environment's properties.
     */
    private static double logBytesPerClick(RedirectDesign design, RedirectUsage usage, RedirectMeasurement measured,
                                           double billedMs, RedirectAssumptions assumptions) {
        int memoryMb = design.compute().kind() == ComputeOption.Kind.LAMBDA ? design.compute().memoryMb()
                : assumptions.deployedMemoryMb();
        double platform = design.platformLines() ? LogLineBytes.platformLines(usage.meanDurationMs(), Math.round(billedMs), memoryMb) : 0;
        if (design.previous()) {
            return measured.previousBytesPerRequest() + LogLineBytes.previousLatencyMetric() + LogLineBytes.lambdaEmfProperties()
                    + platform;
        }
        double metrics = usage.metricsLines() * (measured.flushLineBytes() + LogLineBytes.lambdaEmfProperties())
                + (measured.coldStartBytes() > 0 ? usage.environments() * (measured.coldStartBytes() + LogLineBytes.lambdaEmfProperties()) : 0);
        return measured.functionBytesPerRequest() + platform + metrics / usage.clicks();
    }
}
