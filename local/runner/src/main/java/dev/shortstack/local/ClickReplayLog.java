package dev.shortstack.local;

import dev.shortstack.redirect.service.LoggedClickReplayLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The runner's stand-in for the redirect's CloudWatch log group, as far as replays go: every line the redirect logs for
 * replay (a click SQS refused) is appended, exactly as the function wrote it, to a file that {@link ClickReplayPoller}
 * reads, as the subscription filter feeds the replay function in AWS. The lines still reach the console too.
 */
final class ClickReplayLog implements AutoCloseable {
    private static final String APPENDER = "ClickReplayLog";
    private final Path file;
    private final LoggerContext context;

    private ClickReplayLog(Path file, LoggerContext context) {
        this.file = file;
        this.context = context;
    }

    /** Starts appending the redirect's replay lines to {@code file} (kept across restarts: what was not replayed yet is). */
    static ClickReplayLog start(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the replay log " + file, e);
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        // The same JSON layout as the console (Lambda's): the line in the file is the line CloudWatch Logs would hold.
        AbstractAppender appender = new AbstractAppender(APPENDER, null, config.getAppender("JsonAppender").getLayout(), true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String line = new String(getLayout().toByteArray(event), StandardCharsets.UTF_8).strip() + "\n";
                synchronized (ClickReplayLog.class) {
                    try {
                        Files.writeString(file, line, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                    } catch (IOException e) {
                        error("Could not keep a click for replay in " + file + ": " + e.getMessage());
                    }
                }
            }
        };
        appender.start();
        config.addAppender(appender);
        LoggerConfig replayLogger = new LoggerConfig(LoggedClickReplayLog.class.getName(), Level.INFO, true);
        replayLogger.addAppender(appender, null, null);
        config.addLogger(replayLogger.getName(), replayLogger);
        context.updateLoggers();
        return new ClickReplayLog(file, context);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.removeLogger(LoggedClickReplayLog.class.getName());
        if (config.getAppenders().get(APPENDER) != null) {
            config.getAppenders().get(APPENDER).stop();
        }
        context.updateLoggers();
    }
}
