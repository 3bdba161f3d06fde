package dev.shortstack.bench.cost;

import java.nio.charset.StandardCharsets;

/**
 * DynamoDB's item-size arithmetic, as its developer guide states it: an item is the sum of its
 * attributes, each the UTF-8 length of its name plus its value (a string's UTF-8 length, a binary's
 * length, a number's 1 byte plus 1 per two significant digits, a list or map 3 bytes plus its elements
 * and 1 byte for each). A write costs 1 WRU per started KB
 * of the larger of the item before and after; a strongly consistent read 1 RRU per started 4 KB.
 * Storage adds 100 bytes of overhead per item.
 */
public final class DynamoSize {
    public static final int STORAGE_OVERHEAD_PER_ITEM = 100;

    private DynamoSize() {
    }

    public static int string(String name, String value) {
        return utf8(name) + utf8(value);
    }

    public static int number(String name, long value) {
        return utf8(name) + number(value);
    }

    public static int binary(String name, int length) {
        return utf8(name) + length;
    }

    /**
     * A List or Map: its name (none for an element of a list), 3 bytes, its elements' sizes and 1 byte
     * per element. A map's elements are sized as attributes (name and value), a list's as values.
     */
    public static int collection(String name, int elementsBytes, int elements) {
        return utf8(name) + 3 + elementsBytes + elements;
    }

    /** A number's value size: leading and trailing zeros are trimmed. */
    public static int number(long value) {
        long v = Math.abs(value);
        if (v == 0) {
            return 2;
        }
        while (v % 10 == 0) {
            v /= 10;
        }
        int digits = Long.toString(v).length();
        return 1 + (digits + 1) / 2;
    }

    public static int utf8(String s) {
        int ascii = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
            ascii++;
        }
        return ascii;
    }

    /** The size of an item as the SDK would send it: every attribute, by the rules above. */
    public static int item(java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        int bytes = 0;
        for (var attribute : item.entrySet()) {
            bytes += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return bytes;
    }

    private static int value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(Long.parseLong(value.n()));
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToInt(DynamoSize::utf8).sum();
            case L -> 3 + value.l().stream().mapToInt(element -> value(element) + 1).sum();
            case M -> 3 + item(value.m()) + value.m().size();
            default -> throw new IllegalArgumentException("Not sized: " + value.type());
        };
    }

    public static long writeUnits(int bytesBefore, int bytesAfter) {
        return Math.max(1, (Math.max(bytesBefore, bytesAfter) + 1023) / 1024);
    }

    public static long strongReadUnits(int bytes) {
        return Math.max(1, (bytes + 4095) / 4096);
    }
}
