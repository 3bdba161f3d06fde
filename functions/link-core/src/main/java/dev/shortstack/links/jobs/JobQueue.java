package dev.shortstack.links.jobs;

import java.util.List;

/** The jobs queue. */
public interface JobQueue {
    void send(List<JobMessage> messages);
}
