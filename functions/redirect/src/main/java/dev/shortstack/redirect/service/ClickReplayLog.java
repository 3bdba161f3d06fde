package dev.shortstack.redirect.service;

import dev.shortstack.shared.click.ClickEvent;

/** Where a click goes when the queue is down: somewhere it can be replayed from. */
public interface ClickReplayLog {
    void write(ClickEvent event, Exception cause);
}
