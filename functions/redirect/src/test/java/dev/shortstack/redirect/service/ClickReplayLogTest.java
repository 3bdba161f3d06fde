package dev.shortstack.redirect.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.observability.Observability;
import java.io.StringWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.junit.jupiter.api.Test;

/** A click the queue refused must survive as one JSON log line that a replay job can find and parse. */
class ClickReplayLogTest {

    @Test
    void writesTheWholeEventAsOneMarkedJsonLine() throws Exception {
        StringWriter out = new StringWriter();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("capture")
                .setTarget(out)
                .setLayout(JsonTemplateLayout.newBuilder().setConfiguration(config)
                        .setEventTemplateUri("classpath:LambdaJsonLayout.json").build())
                .build();
        appender.start();
        LoggerConfig loggerConfig = new LoggerConfig(LoggedClickReplayLog.class.getName(), org.apache.logging.log4j.Level.INFO, false);
        loggerConfig.addAppender(appender, null, null);
        config.addLogger(LoggedClickReplayLog.class.getName(), loggerConfig);
        context.updateLoggers();
        try {
            ClickEvent event = new ClickEvent(1, "c0ffee00-0000-4000-8000-000000000001", "launch", "link-1", "ws",
                    "2026-11-28T09:30:00Z", "GET", 302, "Mozilla/5.0", null, "de", "DE", "abc");

            new LoggedClickReplayLog(new Observability("redirect")).write(event, new RuntimeException("queue down"));

            String[] lines = out.toString().strip().split("\n");
            assertThat(lines).hasSize(1);
            JsonNode line = Json.mapper().readTree(lines[0]);
            assertThat(line.path("replay").asText()).isEqualTo("click");
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            ClickEvent replayed = Json.mapper().treeToValue(line.path("click"), ClickEvent.class);
            assertThat(replayed).isEqualTo(event);
        } finally {
            config.removeLogger(LoggedClickReplayLog.class.getName());
            context.updateLoggers();
            appender.stop();
        }
    }
}
