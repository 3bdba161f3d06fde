package dev.shortstack.stats.engine;

import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.stats.archive.ArchiveSlice;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The one embedded query engine (DuckDB), the same in Lambda and in the local runner. It is
 * started on first use (its native library is large), with a memory limit, a spill folder and no
 * extension loading — nothing is ever downloaded. Every query gets its own connection, on which
 * {@code clicks} is the slice's clicks: the compacted files' rows plus the raw clicks, each once.
 */
public final class ClickEngine {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private final QueryLimits limits;
    private final Path spillDir;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "query-deadline");
        thread.setDaemon(true);
        return thread;
    });
    private volatile DuckDBConnection database;

    public ClickEngine(QueryLimits limits, Path spillDir) {
        this.limits = limits;
        this.spillDir = spillDir;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(SqlSession sql) throws SQLException;
    }

    /**
     * Runs work over a slice's clicks as {@code clicks}: a view, so that a large slice is streamed
     * by each statement instead of held in memory (a workspace's aggregates, an export).
     */
    public <T> T query(ArchiveSlice slice, Work<T> work) {
        return query(slice, null, work);
    }

    /**
     * Runs work over a slice's clicks as {@code clicks}, a table of only the named columns: the
     * files are read once, and only those columns of them, however many statements follow.
     */
    public <T> T query(ArchiveSlice slice, String materialisedColumns, Work<T> work) {
        return session(sql -> {
            sql.execute(ClickRows.createTable("raw_clicks"));
            try (DuckDBAppender appender = sql.appender("raw_clicks")) {
                for (ArchivedClick click : slice.rawClicks()) {
                    ClickRows.append(appender, click);
                }
            }
            sql.execute(materialisedColumns == null
                    ? "CREATE TEMP VIEW clicks AS " + clicksSql(slice)
                    : "CREATE TEMP TABLE clicks AS SELECT " + materialisedColumns + " FROM (" + clicksSql(slice) + ")");
            return work.run(sql);
        });
    }

    /** Runs work on a connection of its own (the compactor's). */
    public <T> T session(Work<T> work) {
        try (DuckDBConnection connection = database().duplicate()) {
            return work.run(new SqlSession(connection, limits.timeout(), timer));
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    static String clicksSql(ArchiveSlice slice) {
        if (slice.compactedFiles().isEmpty()) {
            return "SELECT " + ClickRows.COLUMNS + " FROM raw_clicks";
        }
        String window = "ts >= " + timestamp(slice.start()) + " AND ts < " + timestamp(slice.end())
                + slice.linkIds().map(ids -> " AND link_id IN (" + literals(ids) + ")").orElse("");
        String compacted = "SELECT " + ClickRows.COLUMNS + " FROM " + ClickRows.parquet("[" + literals(
                slice.compactedFiles().stream().map(Path::toString).toList()) + "]") + " WHERE " + window;
        String raw = "SELECT " + ClickRows.COLUMNS + " FROM raw_clicks";
        if (slice.rawMayRepeatCompacted()) {
            raw += " WHERE click_id NOT IN (SELECT click_id FROM (" + compacted + "))";
        }
        return compacted + " UNION ALL " + raw;
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static String timestamp(Instant instant) {
        return "TIMESTAMP '" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(TIMESTAMP) + "'";
    }

    private static String literals(Collection<String> values) {
        return values.stream().sorted().map(ClickEngine::literal).collect(Collectors.joining(", "));
    }

    private DuckDBConnection database() throws SQLException {
        DuckDBConnection db = database;
        if (db == null) {
            synchronized (this) {
                db = database;
                if (db == null) {
                    db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
                    try (Statement settings = db.createStatement()) {
                        for (String setting : List.of(
                                "SET autoinstall_known_extensions = false",
                                "SET autoload_known_extensions = false",
                                "SET memory_limit = '" + limits.memoryMb() + "MB'",
                                "SET threads = " + limits.threads(),
                                "SET temp_directory = " + literal(spillDir.toString()),
                                "SET preserve_insertion_order = false")) {
                            settings.execute(setting);
                        }
                    }
                    database = db;
                }
            }
        }
        return db;
    }

}
