package dev.shortstack.infra.constructs;

import java.util.List;
import software.amazon.awscdk.services.glue.CfnTable.ColumnProperty;

/**
 * The columns of the compactor's Parquet files, as Athena should read them. Athena matches Parquet
 * columns by name, so the order here is free and columns the files hold beyond these are ignored;
 * a name or type changed in the compactor must be changed here too.
 */
final class CompactedClickColumns {
    /**
     * DuckDB writes a UUID as {@code fixed_len_byte_array(16)} with the UUID logical type. Declared
     * {@code string}, Athena would hand out the 16 raw bytes as text, not the 36-character form: the
     * Trino Parquet reader Athena's engine 3 is built on reads a varchar column over a
     * fixed_len_byte_array as its bytes (io.trino.parquet.reader.ColumnReaderFactory, the
     * "(VARBINARY or VARCHAR) and FIXED_LEN_BYTE_ARRAY" case), and Glue has no uuid type. So it is
     * {@code binary}; {@code lower(to_hex(click_id))} gives the id without its dashes.
     */
    static final String UUID = "binary";

    static final List<ColumnProperty> ALL = List.of(
            column("click_id", UUID, "The click's UUID as 16 bytes: lower(to_hex(click_id)) for text"),
            column("link_id", "string", "The link's id: a slug used again later gets a new one"),
            column("slug", "string", "The short link's slug when it was clicked"),
            column("ts", "timestamp", "When the click happened (UTC)"),
            column("method", "string", "GET or HEAD"),
            column("status", "int", "The redirect's HTTP status"),
            column("bot", "boolean", "True for previews, crawlers and scripts"),
            column("bot_name", "string", "The bot's name; null for humans"),
            column("country", "string", "ISO 3166 alpha-2, or (unknown)"),
            column("referrer_host", "string", "The referrer's host without www., or (direct)"),
            column("device", "string", "Classified device type"),
            column("os", "string", "Classified operating system"),
            column("browser", "string", "Classified browser"),
            column("language", "string", "Classified language, from Accept-Language"),
            column("visitor_hash", "binary", "Keyed hash of the visitor; changes every UTC day"),
            column("user_agent", "string", "The raw User-Agent header"),
            column("referrer", "string", "The raw Referer header"),
            column("accept_language", "string", "The raw Accept-Language header"));

    private CompactedClickColumns() {
    }

    static ColumnProperty column(String name, String type, String comment) {
        return ColumnProperty.builder().name(name).type(type).comment(comment).build();
    }
}
