package dev.shortstack.stats.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** One query's DuckDB connection: statements run under the time limit, rows come back as arrays. */
public final class SqlSession {
    private final DuckDBConnection connection;
    private final Duration timeout;
    private final ScheduledExecutorService timer;

    SqlSession(DuckDBConnection connection, Duration timeout, ScheduledExecutorService timer) {
        this.connection = connection;
        this.timeout = timeout;
        this.timer = timer;
    }

    public void execute(String sql) throws SQLException {
        run(sql, null);
    }

    public List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        run(sql, rows::add);
        return rows;
    }

    /** Hands each row to the sink as it is read, for results too large to hold (exports). */
    public void stream(String sql, Consumer<Object[]> sink) throws SQLException {
        run(sql, sink);
    }

    public DuckDBAppender appender(String table) throws SQLException {
        return connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    /** @param sink null for a statement without results */
    private void run(String sql, Consumer<Object[]> sink) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            AtomicBoolean cancelled = new AtomicBoolean();
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                cancelled.set(true);
                try {
                    statement.cancel();
                } catch (SQLException ignored) {
                    // the statement finished meanwhile
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                if (sink == null) {
                    statement.execute(sql);
                    return;
                }
                try (ResultSet result = statement.executeQuery(sql)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = result.getObject(i + 1);
                        }
                        sink.accept(row);
                    }
                }
            } catch (SQLException e) {
                if (cancelled.get()) {
                    throw new QueryLimitException("The query ran longer than " + timeout.toSeconds() + " s", e);
                }
                String message = String.valueOf(e.getMessage());
                if (message.contains("Out of Memory") || message.contains("memory limit")) {
                    throw new QueryLimitException("The query needed more than the engine's memory limit", e);
                }
                throw e;
            } finally {
                deadline.cancel(false);
            }
        }
    }
}
