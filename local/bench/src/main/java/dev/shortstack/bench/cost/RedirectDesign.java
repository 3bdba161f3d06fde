package dev.shortstack.bench.cost;

import java.util.List;

/**
 * One row of the cost table: a way to serve redirects, end to end.
 *
 * @param name     what the row is called
 * @param previous the design before commit 5e31ba9: an EMF line per request, one SendMessage per click, and the
 *                 analytics of write-time counters (AnalyticsCostBench's "old" row); otherwise metrics every 10 s
 *                 per environment, the group-commit publisher, and analytics computed on read ("new")
 * @param platformLines whether Lambda writes its START, END and REPORT lines for every invocation (system log level
 *                 INFO, as in the previous design; the redirect now runs at WARN)
 */
public record RedirectDesign(String name, FrontDoor frontDoor, ComputeOption compute, boolean previous, boolean platformLines) {

    /**
     * Every row, in the table's order; the in-process times are the measured (or given) ones. Two front
     * doors were the deployment until commit 1295a35, which put CloudFront straight onto the redirect's
     * function URL: that row differs from the deployed one in its front door only; managed instances are
     * a stage option (redirectCompute in stages.json).
     */
    public static List<RedirectDesign> all(RedirectMeasurement measured, RedirectAssumptions assumptions) {
        int deployed = assumptions.deployedMemoryMb();
        return List.of(
                new RedirectDesign("previous: two front doors + lambda, SendMessage and an EMF line per click, counters",
                        FrontDoor.TWO_DOORS, ComputeOption.lambda(deployed, measured.previousHandlerMs()), true, true),
                new RedirectDesign("two front doors + lambda, otherwise as now", FrontDoor.TWO_DOORS,
                        ComputeOption.lambda(deployed, measured.handlerMs()), false, false),
                new RedirectDesign("one front door + lambda (deployed now)", FrontDoor.ONE_DOOR,
                        ComputeOption.lambda(deployed, measured.handlerMs()), false, false),
                new RedirectDesign("one front door + lambda at " + assumptions.alternativeMemoryMb() + " MB", FrontDoor.ONE_DOOR,
                        ComputeOption.lambda(assumptions.alternativeMemoryMb(), measured.handlerMs()), false, false),
                new RedirectDesign("one front door + managed instances", FrontDoor.ONE_DOOR,
                        ComputeOption.managedInstances(measured.handlerMs()), false, false));
    }

    /** Standard Lambda at the deployed memory, with the current code, behind {@code door}. */
    public boolean isLambdaAsDeployed(FrontDoor door, RedirectAssumptions assumptions) {
        return !previous && frontDoor == door && compute.kind() == ComputeOption.Kind.LAMBDA
                && compute.memoryMb() == assumptions.deployedMemoryMb();
    }
}
