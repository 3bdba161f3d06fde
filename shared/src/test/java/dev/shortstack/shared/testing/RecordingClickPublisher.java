package dev.shortstack.shared.testing;

import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.click.ClickPublishException;
import dev.shortstack.shared.click.ClickPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps published clicks in memory; can be switched to fail like an unreachable queue. */
public final class RecordingClickPublisher implements ClickPublisher {
    private final List<ClickEvent> published = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void publish(ClickEvent event) {
        if (failing) {
            throw new ClickPublishException("queue unavailable (test)", new RuntimeException("test"));
        }
        published.add(event);
    }

    public void failFromNowOn() {
        failing = true;
    }

    public List<ClickEvent> published() {
        return List.copyOf(published);
    }
}
