package dev.shortstack.shared.testing;

import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.VisitCounter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryVisitCounter implements VisitCounter {
    private final Map<String, Long> used = new ConcurrentHashMap<>();

    @Override
    public boolean tryConsume(Link link) {
        boolean[] granted = {false};
        used.compute(link.linkId(), (id, count) -> {
            long current = count == null ? 0 : count;
            if (current < link.maxVisits()) {
                granted[0] = true;
                return current + 1;
            }
            return current;
        });
        return granted[0];
    }

    @Override
    public long used(String linkId) {
        return used.getOrDefault(linkId, 0L);
    }
}
