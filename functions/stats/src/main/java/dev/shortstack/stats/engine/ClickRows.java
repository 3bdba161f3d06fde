package dev.shortstack.stats.engine;

import dev.shortstack.shared.archive.ArchivedClick;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.duckdb.DuckDBAppender;

/**
 * The columns of a click in the engine and in the compacted Parquet files, and how an archived
 * click becomes a row. Click ids are stored as 16-byte UUIDs and visitor hashes as 16 bytes, not as
 * hex text: they are the two columns that do not compress, and half the bytes of a click.
 */
public final class ClickRows {
    /** Column names in file order; the compacted files hold exactly these. */
    public static final String COLUMNS = "click_id, link_id, slug, ts, method, status, bot, bot_name, country, referrer_host,"
            + " device, os, browser, language, visitor_hash, user_agent, referrer, accept_language, rule";

    private ClickRows() {
    }

    public static String createTable(String name) {
        return createTable(name, "");
    }

    /** With the workspace as a last column: the compactor writes every workspace of a day at once. */
    public static String createTableWithWorkspace(String name) {
        return createTable(name, ", workspace_id VARCHAR");
    }

    private static String createTable(String name, String extraColumns) {
        return "CREATE TEMP TABLE " + name + " (click_id UUID, link_id VARCHAR, slug VARCHAR, ts TIMESTAMP, method VARCHAR,"
                + " status INTEGER, bot BOOLEAN, bot_name VARCHAR, country VARCHAR, referrer_host VARCHAR, device VARCHAR,"
                + " os VARCHAR, browser VARCHAR, language VARCHAR, visitor_hash BLOB, user_agent VARCHAR, referrer VARCHAR,"
                + " accept_language VARCHAR, rule VARCHAR" + extraColumns + ")";
    }

    /**
     * Compacted Parquet files as a relation with every column of {@link #COLUMNS}: files written before a
     * column existed (the targeting {@code rule}) read it as NULL, by name, so old and new files mix.
     */
    public static String parquet(String fileListSql) {
        return "(SELECT * FROM read_parquet(" + fileListSql + ", union_by_name = true)"
                + " UNION ALL BY NAME SELECT NULL::VARCHAR AS rule WHERE false)";
    }

    public static void append(DuckDBAppender row, ArchivedClick click) throws SQLException {
        row.beginRow();
        appendColumns(row, click);
        row.endRow();
    }

    public static void appendWithWorkspace(DuckDBAppender row, ArchivedClick click) throws SQLException {
        row.beginRow();
        appendColumns(row, click);
        row.append(click.workspaceId());
        row.endRow();
    }

    private static void appendColumns(DuckDBAppender row, ArchivedClick click) throws SQLException {
        row.append(clickUuid(click.clickId()));
        row.append(click.linkId());
        row.append(click.slug());
        row.append(LocalDateTime.ofInstant(Instant.parse(click.occurredAt()), ZoneOffset.UTC));
        row.append(click.method());
        row.append(click.status());
        row.append(click.bot());
        nullable(row, click.botName());
        nullable(row, click.country());
        nullable(row, click.referrerHost());
        nullable(row, click.device());
        nullable(row, click.os());
        nullable(row, click.browser());
        nullable(row, click.language());
        byte[] visitor = visitorBytes(click.visitorHash());
        if (visitor == null) {
            row.appendNull();
        } else {
            row.append(visitor);
        }
        nullable(row, click.userAgent());
        nullable(row, click.referrer());
        nullable(row, click.acceptLanguage());
        nullable(row, click.rule());
    }

    /** Click ids are random UUIDs; anything else gets a stable name-based one, so it still de-duplicates. */
    static UUID clickUuid(String clickId) {
        try {
            return UUID.fromString(clickId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(clickId.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The 128-bit visitor hash as its bytes; anything but 32 hex digits is hashed down to 16 bytes. */
    static byte[] visitorBytes(String visitorHash) {
        if (visitorHash == null || visitorHash.isEmpty()) {
            return null;
        }
        if (visitorHash.length() == 32) {
            try {
                return HexFormat.of().parseHex(visitorHash);
            } catch (IllegalArgumentException notHex) {
                // falls through
            }
        }
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(visitorHash.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void nullable(DuckDBAppender row, String value) throws SQLException {
        if (value == null) {
            row.appendNull();
        } else {
            row.append(value);
        }
    }
}
