package dev.shortstack.shared.click;

public final class ClickPublishException extends RuntimeException {
    public ClickPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
