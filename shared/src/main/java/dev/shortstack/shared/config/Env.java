package dev.shortstack.shared.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration read from environment variables. Backed by a map so the local runner and
 * tests can hand a function exactly the variables Lambda would, without touching the process
 * environment.
 */
public final class Env {
    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int getInt(String name, int fallback, int min, int max) {
        return (int) getLong(name, fallback, min, max);
    }

    public long getLong(String name, long fallback, long min, long max) {
        return optional(name).map(raw -> parse(name, raw, min, max)).orElse(fallback);
    }

    /** Fails with one message naming every missing variable, so a misconfigured deploy says all at once. */
    public void requireAll(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (optional(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("Missing required environment variable(s): " + String.join(", ", missing));
        }
    }

    public String require(String name) {
        requireAll(name);
        return optional(name).orElseThrow();
    }

    public Map<String, String> asMap() {
        return values;
    }

    private static long parse(String name, String raw, long min, long max) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
