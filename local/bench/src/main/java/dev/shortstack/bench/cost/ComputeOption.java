package dev.shortstack.bench.cost;

import java.util.Locale;

/**
 * Where the redirect runs, and how long its in-process work takes there.
 *
 * @param kind      standard Lambda (one request per environment, SnapStart) or Lambda Managed Instances
 * @param memoryMb  the function's memory (Lambda: what GB-s are billed on; managed instances: not billed)
 * @param handlerMs the measured (or given) in-process time of a warm redirect on a full vCPU
 */
public record ComputeOption(Kind kind, int memoryMb, double handlerMs) {

    public enum Kind { LAMBDA, MANAGED_INSTANCES }

    public static ComputeOption lambda(int memoryMb, double handlerMs) {
        return new ComputeOption(Kind.LAMBDA, memoryMb, handlerMs);
    }

    public static ComputeOption managedInstances(double handlerMs) {
        return new ComputeOption(Kind.MANAGED_INSTANCES, 0, handlerMs);
    }

    /** The in-process time where it runs: stretched by the CPU share a Lambda memory size gives. */
    public double inProcessMs() {
        return kind == Kind.LAMBDA ? handlerMs * RedirectAssumptions.cpuStretch(memoryMb) : handlerMs;
    }

    /**
     * Managed instances for a profile: enough to run its mean rate at the target CPU with the in-process
     * time as CPU time per redirect, and never fewer than the minimum.
     */
    public int instances(TrafficProfile profile, RedirectAssumptions assumptions) {
        double vcpusBusy = profile.clicksPerSecond() * handlerMs / 1000;
        int needed = (int) Math.ceil(vcpusBusy / (assumptions.instanceVcpus() * assumptions.targetCpu()));
        return Math.max(assumptions.minInstances(), needed);
    }

    ClickSink newSink(TrafficProfile profile, double clickBodyBytes, RedirectAssumptions assumptions,
                      double flushIntervalSeconds, long seed) {
        return kind == Kind.LAMBDA
                ? new LambdaEnvironmentPool(inProcessMs(), clickBodyBytes, assumptions, flushIntervalSeconds, seed)
                : new ManagedInstanceFleet(instances(profile, assumptions), inProcessMs(), clickBodyBytes, assumptions,
                        flushIntervalSeconds, seed);
    }

    public String label() {
        return kind == Kind.LAMBDA ? String.format(Locale.ROOT, "lambda %,d MB", memoryMb) : "managed instances";
    }
}
