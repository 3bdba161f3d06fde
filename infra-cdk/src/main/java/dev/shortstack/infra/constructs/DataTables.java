package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig.AutoScaledUnits;
import dev.shortstack.infra.config.StageConfig.DynamoConfig;
import dev.shortstack.shared.infra.IndexDefinition;
import dev.shortstack.shared.infra.KeyAttribute;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.infra.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AutoscaledCapacityOptions;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.Capacity;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.MaxThroughputProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ThroughputProps;
import software.amazon.awscdk.services.dynamodb.TableV2;
import java.util.List;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/** Every table of {@link ShortstackResources#TABLES}, with the stage's capacity mode and limits. */
public final class DataTables extends Construct {
    private final Map<TableDefinition, TableV2> tables = new LinkedHashMap<>();

    public DataTables(Construct scope, String id, String stage, DynamoConfig config) {
        super(scope, id);
        for (TableDefinition definition : ShortstackResources.TABLES) {
            TableV2.Builder table = TableV2.Builder.create(this, definition.logicalName())
                    .tableName(ShortstackResources.physicalName(stage, definition.logicalName()))
                    .partitionKey(attribute(definition.partitionKey()))
                    .billing(billing(config))
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true).build())
                    .deletionProtection(config.deletionProtection())
                    .removalPolicy(config.deletionProtection() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
            definition.sortKey().ifPresent(key -> table.sortKey(attribute(key)));
            definition.ttlAttribute().ifPresent(table::timeToLiveAttribute);
            if (!definition.indexes().isEmpty()) {
                table.globalSecondaryIndexes(definition.indexes().stream().map(DataTables::index).toList());
            }
            tables.put(definition, table.build());
        }
    }

    public TableV2 table(TableDefinition definition) {
        return tables.get(definition);
    }

    /**
     * Grants exactly the named actions on the table. Unlike CDK's {@code grant}, which adds the
     * table's indexes to every action, only {@code Query} reaches the indexes ({@code index/*}): no
     * other item action can address an index, so granting it there is a permission nobody uses.
     */
    public void grant(TableDefinition definition, IGrantable grantee, String... actions) {
        TableV2 table = table(definition);
        List<String> all = List.of(actions);
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(grantee).actions(all)
                .resourceArns(List.of(table.getTableArn())).build());
        if (all.contains("dynamodb:Query") && !definition.indexes().isEmpty()) {
            Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(grantee).actions(List.of("dynamodb:Query"))
                    .resourceArns(List.of(table.getTableArn() + "/index/*")).build());
        }
    }

    public Map<TableDefinition, TableV2> all() {
        return tables;
    }

    /** On-demand with max-throughput caps (a hard cost limit), or provisioned with auto scaling. */
    private static Billing billing(DynamoConfig config) {
        if (config.onDemand()) {
            return Billing.onDemand(MaxThroughputProps.builder()
                    .maxReadRequestUnits(config.maxReadRequestUnitsPerSecond())
                    .maxWriteRequestUnits(config.maxWriteRequestUnitsPerSecond())
                    .build());
        }
        return Billing.provisioned(ThroughputProps.builder()
                .readCapacity(autoscaled(config.provisioned().read()))
                .writeCapacity(autoscaled(config.provisioned().write()))
                .build());
    }

    private static Capacity autoscaled(AutoScaledUnits units) {
        return Capacity.autoscaled(AutoscaledCapacityOptions.builder()
                .minCapacity(units.min())
                .maxCapacity(units.max())
                .targetUtilizationPercent(units.targetUtilizationPercent())
                .build());
    }

    private static GlobalSecondaryIndexPropsV2 index(IndexDefinition index) {
        return GlobalSecondaryIndexPropsV2.builder()
                .indexName(index.name())
                .partitionKey(attribute(index.partitionKey()))
                .sortKey(attribute(index.sortKey()))
                .build();
    }

    private static Attribute attribute(KeyAttribute key) {
        software.amazon.awscdk.services.dynamodb.AttributeType type = switch (key.type()) {
            case STRING -> software.amazon.awscdk.services.dynamodb.AttributeType.STRING;
            case NUMBER -> software.amazon.awscdk.services.dynamodb.AttributeType.NUMBER;
            case BINARY -> software.amazon.awscdk.services.dynamodb.AttributeType.BINARY;
        };
        return Attribute.builder().name(key.name()).type(type).build();
    }

}
