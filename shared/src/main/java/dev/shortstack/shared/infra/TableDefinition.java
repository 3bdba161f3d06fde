package dev.shortstack.shared.infra;

import java.util.List;
import java.util.Optional;

/**
 * One DynamoDB table as both the CDK app and the local runner create it.
 *
 * @param logicalName  short name; the physical name is {@link ShortstackResources#physicalName}
 * @param envVar       the variable through which functions learn the physical name
 * @param ttlAttribute the epoch-seconds attribute DynamoDB expires items by, if any
 */
public record TableDefinition(
        String logicalName,
        String envVar,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        List<IndexDefinition> indexes,
        Optional<String> ttlAttribute) {

    public TableDefinition {
        indexes = List.copyOf(indexes);
    }
}
