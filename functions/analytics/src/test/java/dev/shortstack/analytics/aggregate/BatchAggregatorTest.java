package dev.shortstack.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.shared.click.ArchiveLayout;
import dev.shortstack.shared.click.ClickEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchAggregatorTest {
    private static final ClickClassifier CLASSIFIER = new ClickClassifier();
    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    @Test
    void aBatchBecomesOneWritePerTouchedItemOnOneShard() {
        List<ClickRecord> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(record("m" + i, "link-a", "GET", BROWSER, i % 2 == 0 ? "DE" : "FR", "2026-11-27T10:0" + (i % 6) + ":00Z"));
        }
        batch.add(record("bot", "link-a", "HEAD", BROWSER, "DE", "2026-11-27T10:30:00Z"));
        batch.add(record("other", "link-b", "GET", BROWSER, "US", "2026-11-27T11:00:00Z"));

        WritePlan plan = new BatchAggregator(() -> 3).plan(batch);

        // link-a: hour 10, six human dimensions, the bot dimension; link-b: hour 11, six dimensions; workspace: one day item.
        assertThat(plan.counters()).hasSize(1 + 6 + 1 + 1 + 6 + 1);
        assertThat(plan.counters()).allSatisfy(w -> assertThat(w.pk()).endsWith("#3"));
        CounterWrite hour = find(plan, "L#link-a#3", "2026-11-27#H#10");
        assertThat(hour.increments()).isEqualTo(Map.of("human", 50L, "bot", 1L));
        assertThat(hour.messageIds()).hasSize(51);
        assertThat(find(plan, "L#link-a#3", "2026-11-27#D#country").increments()).isEqualTo(Map.of("DE", 25L, "FR", 25L));
        assertThat(find(plan, "L#link-a#3", "2026-11-27#D#bot").increments()).isEqualTo(Map.of("HEAD request", 1L));
        assertThat(find(plan, "W#ws#3", "2026-11-27#S").increments()).isEqualTo(Map.of("a", 50L, "b", 1L));
        assertThat(plan.sketches()).hasSize(2);
        assertThat(plan.sketches().get(0).visitorHashes()).hasSize(50);
    }

    @Test
    void messagesThatCannotBeReadAreNotClicks() {
        assertThat(ClickParser.parse("{not json")).isEmpty();
        assertThat(ClickParser.parse("{\"schemaVersion\":2,\"clickId\":\"c\",\"slug\":\"s\",\"linkId\":\"l\",\"workspaceId\":\"w\","
                + "\"occurredAt\":\"2026-11-27T10:00:00Z\",\"method\":\"GET\",\"status\":302}")).isEmpty();
        assertThat(ClickParser.parse("{\"schemaVersion\":1,\"clickId\":\"c\",\"slug\":\"s\",\"linkId\":\"l\",\"workspaceId\":\"w\","
                + "\"occurredAt\":\"yesterday\",\"method\":\"GET\",\"status\":302}")).isEmpty();
        Optional<ClickEvent> future = ClickParser.parse("{\"schemaVersion\":1,\"clickId\":\"c\",\"slug\":\"s\",\"linkId\":\"l\","
                + "\"workspaceId\":\"w\",\"occurredAt\":\"2026-11-27T10:00:00Z\",\"method\":\"GET\",\"status\":302,\"newField\":1}");
        assertThat(future).as("fields added later are ignored, the click is kept").isPresent();
    }

    @Test
    void archiveKeysDependOnlyOnTheSetOfClicks() {
        String a = ArchiveLayout.key(java.time.LocalDate.of(2026, 11, 27), 9, List.of("x", "y", "z"));
        assertThat(a).startsWith("clicks/dt=2026-11-27/hour=09/").endsWith(".jsonl.gz");
        assertThat(ArchiveLayout.key(java.time.LocalDate.of(2026, 11, 27), 9, List.of("z", "x", "y"))).isEqualTo(a);
        assertThat(ArchiveLayout.key(java.time.LocalDate.of(2026, 11, 27), 9, List.of("x", "y"))).isNotEqualTo(a);
    }

    private static CounterWrite find(WritePlan plan, String pk, String sk) {
        return plan.counters().stream().filter(w -> w.pk().equals(pk) && w.sk().equals(sk)).findFirst().orElseThrow();
    }

    private static ClickRecord record(String id, String link, String method, String agent, String country, String at) {
        ClickEvent event = new ClickEvent(1, id, link.substring(5), link, "ws", at, method, 302, agent, null, "en", country, "visitor-" + id);
        return new ClickRecord(id, event, CLASSIFIER.classify(event));
    }
}
