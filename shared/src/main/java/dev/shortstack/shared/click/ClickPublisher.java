package dev.shortstack.shared.click;

/** Hands a click event to the analytics pipeline. */
public interface ClickPublisher {

    /** @throws ClickPublishException when the event could not be handed over */
    void publish(ClickEvent event);
}
