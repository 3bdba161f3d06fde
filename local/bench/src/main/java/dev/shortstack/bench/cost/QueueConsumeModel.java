package dev.shortstack.bench.cost;

import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;

/**
 * The billed SQS requests of consuming the clicks queue: the event source mapping's
 * ReceiveMessage calls (long polling, at most 10 messages each) that gathered a batch, and the
 * DeleteMessageBatch calls (at most 10 entries each) after the invocation succeeded; every request
 * is billed per started 64 KB of its payload (the message bodies, as the redirect serialises them).
 *
 * Receives: a long poll returns as soon as a message is waiting; the next one is sent
 * {@link #RECEIVE_ROUND_TRIP_SECONDS} later and returns what arrived meanwhile (up to 10) or waits
 * for the next message. So a trickle costs one receive per message, a flood one per 10. Empty
 * receives while the queue is idle are a fixed cost of the mapping, not of clicks, and not counted.
 */
public final class QueueConsumeModel {
    public static final double RECEIVE_ROUND_TRIP_SECONDS = 0.020;
    private static final int MAX_MESSAGES = 10;

    private long requests;
    private long bodyBytes;

    public void accept(Batch batch) {
        int n = batch.size();
        int[] bytes = new int[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = bodyBytes(batch.clicks().get(i));
            bodyBytes += bytes[i];
        }
        double[] arrivals = batch.arrivalSeconds();
        int i = 0;
        double now = arrivals[0];
        while (i < n) {
            now = Math.max(now, arrivals[i]);
            int taken = 0;
            long payload = 0;
            while (i < n && taken < MAX_MESSAGES && arrivals[i] <= now) {
                payload += bytes[i++];
                taken++;
            }
            requests += chunks(payload);
            now += RECEIVE_ROUND_TRIP_SECONDS;
        }
        for (int from = 0; from < n; from += MAX_MESSAGES) {
            requests += 1;   // DeleteMessageBatch: 10 receipt handles, far below 64 KB
        }
    }

    public long requests() {
        return requests;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    private static long chunks(long payload) {
        return Math.max(1, (payload + Prices.SQS_CHUNK_BYTES - 1) / Prices.SQS_CHUNK_BYTES);
    }

    private static int bodyBytes(ClickEvent click) {
        try {
            return Json.mapper().writeValueAsBytes(click).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
