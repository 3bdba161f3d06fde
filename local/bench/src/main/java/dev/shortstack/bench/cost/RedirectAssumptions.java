package dev.shortstack.bench.cost;

import java.util.List;
import java.util.Locale;

/**
 * What the redirect's cost model assumes rather than measures or counts, in one place, printed with
 * every result. Values copied from the code name where they come from; a change there must be made here.
 *
 * @param sqsRoundTripMs      a SendMessage(Batch) in-region as the client sees it: the redirect waits for the
 *                            acknowledgement before answering (GroupCommitClickPublisher), so it is billed time
 * @param getItemRoundTripMs  a link GetItem in-region: paid by a request whose link is not cached
 * @param deployedMemoryMb    the redirect's memory (stages.json, dev)
 * @param alternativeMemoryMb the alternative priced beside it
 * @param cacheTtlSeconds     found links stay cached this long from their load (REDIRECT_CACHE_SECONDS' default)
 * @param cacheEntries        the cache's bound (REDIRECT_CACHE_SIZE's default)
 * @param instanceVcpus       vCPUs of one managed instance (m7g.large)
 * @param targetCpu           the CPU share the capacity provider is sized to run at
 * @param minInstances        managed instances kept for availability, however low the traffic
 * @param interfaceEndpoints  the managed instances' VPC interface endpoints (ManagedInstancesCapacity: SQS,
 *                            Secrets Manager, CloudWatch Logs; DynamoDB's is a free gateway endpoint)
 * @param availabilityZones   the zones each endpoint is in (ManagedInstancesCapacity: maxAzs 2)
 */
public record RedirectAssumptions(double sqsRoundTripMs, double getItemRoundTripMs, int deployedMemoryMb,
                                  int alternativeMemoryMb, int cacheTtlSeconds, int cacheEntries, int instanceVcpus,
                                  double targetCpu, int minInstances, int interfaceEndpoints, int availabilityZones) {

    /** Lambda gives a function one full vCPU at 1,769 MB, and CPU in proportion below. */
    public static final int ONE_VCPU_MB = 1769;

    public static RedirectAssumptions defaults() {
        return new RedirectAssumptions(8, 5, 1024, 512, 10, 10_000, 2, 0.60, 2, 3, 2);
    }

    /** How much longer CPU-bound work takes at {@code memoryMb} than on a full vCPU. */
    public static double cpuStretch(int memoryMb) {
        return Math.max(1.0, (double) ONE_VCPU_MB / memoryMb);
    }

    public List<String> describe() {
        return List.of(
                String.format(Locale.ROOT, "SQS round trip: %.0f ms per SendMessage, in-region, added to every"
                        + " redirect's billed time (it answers once its click is acknowledged); not measured here", sqsRoundTripMs),
                String.format(Locale.ROOT, "DynamoDB: %.0f ms per GetItem, added to a redirect whose link is not cached; a link item"
                        + " is under 4 KB (URLs are at most 2,048 characters, UrlPolicy.MAX_LENGTH), so a strongly consistent read"
                        + " (the previous design) is 1 RRU and an eventually consistent one (DynamoLinkReader now, which reads"
                        + " strongly only after a miss, and every simulated click is on a link that exists) 0.5",
                        getItemRoundTripMs),
                String.format(Locale.ROOT, "Lambda CPU: %,d MB is one vCPU, so the in-process time stretches × %.2f at %,d MB and"
                        + " × %.2f at %,d MB; the round trips do not; no x86→arm64 factor; billed per started ms per invocation",
                        ONE_VCPU_MB, cpuStretch(deployedMemoryMb), deployedMemoryMb, cpuStretch(alternativeMemoryMb),
                        alternativeMemoryMb),
                String.format(Locale.ROOT, "Link cache per environment: an entry lives %d s from its load (Caffeine expireAfterCreate),"
                        + " at most %,d entries (never reached here, see the live-entry bound); concurrent misses on one link"
                        + " in one environment share its load", cacheTtlSeconds, cacheEntries),
                String.format(Locale.ROOT, "Managed instances: m7g.large, %d vCPUs each, sized to run at %.0f %% CPU with the"
                        + " in-process time as CPU time per redirect (the SDK's own CPU for SQS and DynamoDB calls is not in it),"
                        + " at least %d; one execution environment (one JVM, one link cache, one click publisher) per instance;"
                        + " requests spread evenly at random over the instances; a 30-day month is 720 instance-hours. The stage's"
                        + " default capacity provider (StageConfig.ManagedInstances: 2 GiB per vCPU) would pick c7g.large to"
                        + " 2xlarge, not m7g; m7g.large is priced as the brief asked",
                        instanceVcpus, targetCpu * 100, minInstances),
                String.format(Locale.ROOT, "Managed instances' network: %d interface endpoints × %d zones all month, and the SQS"
                        + " messages and log bytes through them per GB processed (added to the instances' column); the DynamoDB"
                        + " gateway endpoint is free; no NAT", interfaceEndpoints, availabilityZones));
    }
}
