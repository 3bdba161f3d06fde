package dev.shortstack.shared.config;

/** A deployment mistake found at start-up; the message names what to fix. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
