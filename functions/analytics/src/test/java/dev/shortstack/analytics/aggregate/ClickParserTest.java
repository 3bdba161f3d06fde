package dev.shortstack.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.click.ClickEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickParserTest {
    private static final String CLICK = """
            {"schemaVersion":1,"clickId":"c1","slug":"s","linkId":"l","workspaceId":"w",\
            "occurredAt":"2026-12-01T10:00:00Z","method":"GET","status":302,"userAgent":"ua","newField":"ignored"}""";

    @Test
    void aMessageOfOneClickGivesThatClick() {
        assertThat(ClickParser.parse(CLICK)).hasValueSatisfying(events ->
                assertThat(events).extracting(ClickEvent::clickId).containsExactly("c1"));
    }

    @Test
    void theRuleThatServedAClickIsKeptAndAClickWithoutOneHasNone() {
        String served = CLICK.replace("\"newField\":\"ignored\"", "\"rule\":\"rule 2 variant B\"");

        assertThat(ClickParser.parse(served)).hasValueSatisfying(events ->
                assertThat(events).extracting(ClickEvent::rule).containsExactly("rule 2 variant B"));
        assertThat(ClickParser.parse(CLICK)).hasValueSatisfying(events ->
                assertThat(events).extracting(ClickEvent::rule).containsOnlyNulls());
    }

    @Test
    void aMessageOfGroupCommittedClicksGivesThemAllInOrder() {
        String packed = " [" + CLICK + "," + CLICK.replace("\"c1\"", "\"c2\"") + "]";

        assertThat(ClickParser.parse(packed)).hasValueSatisfying(events ->
                assertThat(events).extracting(ClickEvent::clickId).containsExactly("c1", "c2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "null", "[]", "[null]", "[1]", "\"text\"", "{\"schemaVersion\":1",
            "{\"schemaVersion\":2,\"clickId\":\"c\",\"slug\":\"s\",\"linkId\":\"l\",\"workspaceId\":\"w\",\"occurredAt\":\"2026-12-01T10:00:00Z\",\"method\":\"GET\"}",
            "{\"schemaVersion\":1,\"clickId\":\"c\",\"slug\":\"s\",\"linkId\":\"l\",\"workspaceId\":\"w\",\"occurredAt\":\"yesterday\",\"method\":\"GET\"}",
            "{\"schemaVersion\":1,\"clickId\":\" \",\"slug\":\"s\",\"linkId\":\"l\",\"workspaceId\":\"w\",\"occurredAt\":\"2026-12-01T10:00:00Z\",\"method\":\"GET\"}"})
    void anythingButCompleteV1ClicksIsRefused(String body) {
        assertThat(ClickParser.parse(body)).isEmpty();
    }

    @Test
    void oneIncompleteClickRefusesTheWholeMessage() {
        String packed = "[" + CLICK + "," + CLICK.replace("\"linkId\":\"l\",", "") + "]";

        assertThat(ClickParser.parse(packed)).isEmpty();
    }
}
