package dev.shortstack.emulators;

/** An emulator could not start; the message says which and why. */
public final class EmulatorStartException extends RuntimeException {
    public EmulatorStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmulatorStartException(String message) {
        super(message);
    }
}
