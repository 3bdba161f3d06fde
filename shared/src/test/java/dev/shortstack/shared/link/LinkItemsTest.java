package dev.shortstack.shared.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkItemsTest {

    @Test
    void itemsRoundTripWithEveryOptionalField() {
        Instant t = Instant.parse("2026-11-28T09:30:00.123Z");
        Link full = new Link("s1", "id", "ws", "https://e.example", 308, t, t.plusSeconds(5), t.plusSeconds(3600), 10L,
                List.of("a", "b"), true, 7, "key");
        Link bare = new Link("s2", "id2", "ws", "https://e.example", 302, t, t, null, null, List.of(), false, 1, "key");

        assertThat(LinkItems.fromItem(LinkItems.toItem(full, 8))).isEqualTo(full);
        assertThat(LinkItems.fromItem(LinkItems.toItem(bare, 8))).isEqualTo(bare);
    }

    @Test
    void createdKeysSortByTimeThenSlugAndShardsAreStable() {
        Instant early = Instant.parse("2001-01-01T00:00:00Z");
        Instant late = Instant.parse("2026-11-28T00:00:00Z");

        assertThat(LinkItems.createdKey(early, "zzz")).isLessThan(LinkItems.createdKey(late, "aaa"));
        assertThat(LinkItems.createdKey(late, "aaa")).isLessThan(LinkItems.createdKey(late, "aab"));
        // String.hashCode is specified by the language: this mapping must never change between releases.
        assertThat(LinkItems.shardOf("launch-2026", 8)).isEqualTo(Math.floorMod("launch-2026".hashCode(), 8));
        assertThat(LinkItems.workspaceShard("acme", "launch-2026", 8)).startsWith("acme#");
    }
}
