package dev.shortstack.bench.cost;

import java.util.List;

/**
 * One profile's run: both designs' usage over the same simulated clicks, and what explains it.
 *
 * @param rawObjects      raw objects the new aggregator wrote in the window
 * @param rawBytes        their gzip bytes
 * @param oldItems        items the old design's counters and sketches occupied at the window's end
 * @param oldCounterWrites UpdateItem ADDs of the old design
 * @param oldSketchMerges  sketch read + write pairs of the old design
 * @param compactions     the day(s) compacted, at day scale
 */
public record ProfileResult(TrafficProfile profile, long clicks, long batches, long rawObjects, long rawBytes,
                            long oldItems, long oldCounterWrites, long oldSketchMerges, double meanMessageBytes,
                            Usage oldDesign, Usage newDesign, List<CompactionModel.DayCompaction> compactions) {
}
