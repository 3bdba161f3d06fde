package dev.shortstack.infra.constructs;

import dev.shortstack.shared.archive.ArchiveLayout;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The compacted click archive as a Glue table, for SQL at any scale in Athena. The table reads
 * the very files the stats API reads ({@code compacted/dt=<day>/ws=<workspace>/...parquet}).
 * Partitions are projected, never registered: nothing has to run when the compactor writes a day.
 * {@code dt} is a date range; {@code ws} is injected, so a query must name its workspace
 * ({@code WHERE ws = '...'}, Athena refuses it otherwise) and reads only that workspace's files.
 * Closed, compacted days only: today's clicks and late ones not compacted yet are in the raw objects.
 */
public final class ClickTable extends Construct {
    public static final String TABLE_NAME = "clicks";
    /** The first day the projection offers; earlier days would only cost empty S3 listings. */
    static final String FIRST_DAY = "2024-01-01";

    private final String databaseName;

    public ClickTable(Construct scope, String id, String stage, Bucket archive) {
        super(scope, id);
        // Athena names are lower case, and a hyphen would need quoting in every query.
        this.databaseName = "shortstack_" + stage.toLowerCase(Locale.ROOT).replace('-', '_');
        String account = Stack.of(this).getAccount();
        CfnDatabase database = CfnDatabase.Builder.create(this, "Database")
                .catalogId(account)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(databaseName)
                        .description("Shortstack " + stage + ": the click archive for Athena")
                        .build())
                .build();
        String compacted = "s3://" + archive.getBucketName() + "/" + ArchiveLayout.COMPACTED_ROOT;
        CfnTable table = CfnTable.Builder.create(this, "Clicks")
                .catalogId(account)
                .databaseName(databaseName)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(TABLE_NAME)
                        .description("Every click of closed days, de-duplicated (the compactor's Parquet files). "
                                + "Name the workspace in every query: WHERE ws = '<workspace id>'.")
                        .tableType("EXTERNAL_TABLE")
                        .parameters(projection(compacted))
                        .partitionKeys(List.of(
                                CompactedClickColumns.column("dt", "date", "The click's UTC day"),
                                CompactedClickColumns.column("ws", "string", "The workspace id (URL-encoded, as in the key)")))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(compacted)
                                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                                        .build())
                                .columns(CompactedClickColumns.ALL)
                                .build())
                        .build())
                .build();
        table.addResourceDependency(database);
    }

    /** Partition projection: Athena computes each partition's location from the query's dt and ws. */
    private static Map<String, String> projection(String compacted) {
        // Sorted: the same template on every synthesis (Map.of's order changes from run to run).
        return new java.util.TreeMap<>(Map.of(
                "classification", "parquet",
                "projection.enabled", "true",
                "projection.dt.type", "date",
                "projection.dt.format", "yyyy-MM-dd",
                "projection.dt.range", FIRST_DAY + ",NOW",
                "projection.dt.interval", "1",
                "projection.dt.interval.unit", "DAYS",
                "projection.ws.type", "injected",
                "storage.location.template", compacted + "dt=${dt}/ws=${ws}/"));
    }

    public String databaseName() {
        return databaseName;
    }
}
