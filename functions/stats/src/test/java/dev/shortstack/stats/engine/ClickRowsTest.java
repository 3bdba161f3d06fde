package dev.shortstack.stats.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compacted files from before a column existed still read, beside new ones, with the column NULL. */
class ClickRowsTest {

    @Test
    void filesWrittenBeforeTheRuleColumnReadItAsNullBesideNewFiles(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("old.parquet");
        Path current = dir.resolve("new.parquet");
        String oldColumns = ClickRows.COLUMNS.replace(", rule", "");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = connection.createStatement()) {
            sql.execute(ClickRows.createTable("clicks"));
            sql.execute("INSERT INTO clicks (click_id, link_id, ts, bot, rule) VALUES"
                    + " (uuid(), 'l1', TIMESTAMP '2026-11-27 10:00:00', false, NULL),"
                    + " (uuid(), 'l1', TIMESTAMP '2026-11-28 10:00:00', false, 'rule 1')");
            sql.execute("COPY (SELECT " + oldColumns + " FROM clicks WHERE rule IS NULL) TO '" + old + "' (FORMAT parquet)");
            sql.execute("COPY (SELECT " + ClickRows.COLUMNS + " FROM clicks WHERE rule IS NOT NULL) TO '" + current + "' (FORMAT parquet)");

            assertThat(rules(sql, "['" + old + "']")).containsExactly("2026-11-27 10:00:00.0 null");
            assertThat(rules(sql, "['" + old + "', '" + current + "']"))
                    .containsExactly("2026-11-27 10:00:00.0 null", "2026-11-28 10:00:00.0 rule 1");
        }
        assertThat(Files.size(old)).isPositive();
    }

    private static List<String> rules(Statement sql, String files) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery("SELECT " + ClickRows.COLUMNS + " FROM " + ClickRows.parquet(files) + " ORDER BY ts")) {
            while (result.next()) {
                rows.add(result.getString("ts") + " " + result.getString("rule"));
            }
        }
        return rows;
    }
}
