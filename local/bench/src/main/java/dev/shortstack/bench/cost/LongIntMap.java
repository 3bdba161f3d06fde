package dev.shortstack.bench.cost;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An open-addressing hash map from long to int, for the tens of millions of counters the old design's
 * items hold at the high profile (boxed maps would need gigabytes). Keys must not be {@link Long#MIN_VALUE}.
 */
public final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
        allocate(capacity);
    }

    public int get(long key, int absent) {
        int slot = find(key);
        return keys[slot] == EMPTY ? absent : values[slot];
    }

    public boolean contains(long key) {
        return keys[find(key)] != EMPTY;
    }

    public void put(long key, int value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("reserved key");
        }
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            values[slot] = value;
            if (size * 10L > keys.length * 7L) {
                grow();
            }
        } else {
            values[slot] = value;
        }
    }

    public int size() {
        return size;
    }

    public void forEachValue(IntConsumer action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(values[i]);
            }
        }
    }

    private int find(long key) {
        int slot = (int) ClickFactory.mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                size++;
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        size = 0;
    }
}
