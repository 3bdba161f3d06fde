package dev.shortstack.bench.cost;

/**
 * What {@link RedirectProbe} measured of the redirect function in this JVM, or was told with
 * {@code --handler-ms}: its in-process time per warm redirect, and the bytes it writes and sends.
 *
 * @param handlerMs               median in-process time of one warm redirect (a cache hit), the function
 *                                as deployed: metrics summed and written every 10 s
 * @param previousHandlerMs       the same with the previous design's EMF line written at every invocation
 * @param processCpuMsPerRequest  the whole JVM's CPU time over the measured redirects, per redirect
 *                                (garbage collection and compilation included); NaN when the times were given
 * @param measuredInvocations     redirects timed per design (0 when the times were given)
 * @param functionBytesPerRequest what a warm redirect writes to stdout and stderr, per request
 * @param flushLineBytes          the EMF line written when 10 s have passed (the counts of the interval)
 * @param coldStartBytes          what the first invocation in a fresh JVM writes (Powertools' ColdStart line)
 * @param previousBytesPerRequest what a redirect wrote per request in the previous design (its EMF line)
 * @param clickBodyBytes          the serialised click event, the SQS message body (UTF-8 bytes)
 * @param responseBytes           the function's answer as HTTP/1.1 text: status line, headers, body
 * @param responseStatus          its status code (a 302 for the fixture link)
 * @param flushLineSample         the flush line as written, to show what is counted
 */
public record RedirectMeasurement(double handlerMs, double previousHandlerMs, double processCpuMsPerRequest,
                                  int measuredInvocations, double functionBytesPerRequest, long flushLineBytes,
                                  long coldStartBytes, double previousBytesPerRequest, double clickBodyBytes,
                                  int responseBytes, int responseStatus, String flushLineSample) {

    public boolean timesMeasured() {
        return measuredInvocations > 0;
    }

    /** The same bytes, with both designs' in-process time fixed at {@code ms} (as {@code --handler-ms} asks). */
    public RedirectMeasurement withHandlerMs(double ms) {
        return new RedirectMeasurement(ms, ms, Double.NaN, 0, functionBytesPerRequest, flushLineBytes, coldStartBytes,
                previousBytesPerRequest, clickBodyBytes, responseBytes, responseStatus, flushLineSample);
    }
}
