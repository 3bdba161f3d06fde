package dev.shortstack.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.infra.config.StageConfig.FunctionConfig;
import dev.shortstack.stats.entrypoints.StatsApiFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The props of one function: what is required, and what the construct derives from the name and handler. */
class ShortstackFunctionPropsTest {
    private static final FunctionConfig SETTINGS = new FunctionConfig(1024, 30, 5, false, null, null, null);

    private static ShortstackFunction.Props.Builder statsApi() {
        return ShortstackFunction.Props.builder().name("stats-api").module("stats").handler(StatsApiFunction.class);
    }

    @Test
    void theNameGivesTheConstructIdAndTheHandlerClassGivesLambdasHandlerString() {
        ShortstackFunction.Props props = statsApi().build();

        assertThat(props.constructId()).isEqualTo("StatsApi");
        assertThat(ShortstackFunction.Props.builder().name("jobs-worker").module("jobs").handler(StatsApiFunction.class).build()
                .constructId()).isEqualTo("JobsWorker");
        assertThat(props.lambdaHandler()).isEqualTo("dev.shortstack.stats.entrypoints.StatsApiFunction::handleRequest");
    }

    @Test
    void theEnvironmentIsOptionalAndCopied() {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("LINKS_TABLE", "links"));
        ShortstackFunction.Props props = statsApi().environment(environment).build();
        environment.put("LATER", "ignored");

        assertThat(props.environment()).containsExactly(Map.entry("LINKS_TABLE", "links"));
        assertThat(statsApi().build().environment()).isEmpty();
        assertThat(statsApi().build().environmentFromSettings().apply(SETTINGS)).isEmpty();
        assertThat(statsApi().environmentFromSettings(ClickEngineEnvironment::limits).build().environmentFromSettings().apply(SETTINGS))
                .containsKeys("ARCHIVE_CACHE_MB", "QUERY_MEMORY_MB");
    }

    @Test
    void aMissingNameIsRefusedSayingWhatItIs() {
        assertThatThrownBy(() -> statsApi().name(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name is missing").hasMessageContaining("stages.json");
        assertThatThrownBy(() -> statsApi().name(" ").build()).hasMessageContaining("name is missing");
    }

    @Test
    void aNameThatCannotBecomeAConstructIdIsRefused() {
        assertThatThrownBy(() -> statsApi().name("StatsApi").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'StatsApi' is not kebab-case");
        assertThatThrownBy(() -> statsApi().name("stats--api").build()).hasMessageContaining("not kebab-case");
    }

    @Test
    void aMissingModuleIsRefusedNamingTheFunction() {
        assertThatThrownBy(() -> statsApi().module(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("module is missing for function 'stats-api'").hasMessageContaining("functions/");
    }

    @Test
    void aMissingHandlerIsRefusedNamingTheFunction() {
        assertThatThrownBy(() -> statsApi().handler(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handler is missing for function 'stats-api'");
    }
}
