package dev.shortstack.emulators;

import dev.shortstack.shared.infra.AttributeType;
import dev.shortstack.shared.infra.BucketDefinition;
import dev.shortstack.shared.infra.IndexDefinition;
import dev.shortstack.shared.infra.KeyAttribute;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.infra.TableDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the shared resource definitions in the emulators; safe to run again on existing data. */
final class ResourceProvisioner {
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final S3Client s3;

    ResourceProvisioner(DynamoDbClient dynamo, SqsClient sqs, S3Client s3) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.s3 = s3;
    }

    Stage provision(String stage) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> queueUrls = new HashMap<>();
        for (TableDefinition table : ShortstackResources.TABLES) {
            String name = ShortstackResources.physicalName(stage, table.logicalName());
            createTable(table, name);
            env.put(table.envVar(), name);
        }
        for (QueueDefinition queue : ShortstackResources.QUEUES) {
            String dlqUrl = createQueue(ShortstackResources.physicalName(stage, queue.deadLetterLogicalName()),
                    Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(14 * 24 * 3600)));
            String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String url = createQueue(ShortstackResources.physicalName(stage, queue.logicalName()), Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()),
                    QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(queue.retentionSeconds()),
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                            + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}"));
            queueUrls.put(queue.logicalName(), url);
            queueUrls.put(queue.deadLetterLogicalName(), dlqUrl);
            env.put(queue.envVar(), url);
        }
        for (BucketDefinition bucket : ShortstackResources.BUCKETS) {
            String name = ShortstackResources.physicalName(stage, bucket.logicalName());
            try {
                s3.createBucket(r -> r.bucket(name));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // kept from an earlier run
            }
            env.put(bucket.envVar(), name);
        }
        return new Stage(stage, Map.copyOf(env), Map.copyOf(queueUrls));
    }

    private void createTable(TableDefinition table, String name) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keySchema = keySchema(table.partitionKey(), table.sortKey().orElse(null), attributes);
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexDefinition index : table.indexes()) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey(), attributes))
                    .projection(p -> p.projectionType(ProjectionType.ALL))
                    .build());
        }
        try {
            dynamo.createTable(r -> {
                r.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(keySchema)
                        .attributeDefinitions(attributes.values());
                if (!indexes.isEmpty()) {
                    r.globalSecondaryIndexes(indexes);
                }
            });
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
            table.ttlAttribute().ifPresent(ttl -> dynamo.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(s -> s.attributeName(ttl).enabled(true))));
        } catch (ResourceInUseException exists) {
            // kept from an earlier run
        }
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute hash, KeyAttribute range, Map<String, AttributeDefinition> attributes) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
        attributes.put(hash.name(), attribute(hash));
        if (range != null) {
            schema.add(KeySchemaElement.builder().attributeName(range.name()).keyType(KeyType.RANGE).build());
            attributes.put(range.name(), attribute(range));
        }
        return schema;
    }

    private static AttributeDefinition attribute(KeyAttribute key) {
        ScalarAttributeType type = key.type() == AttributeType.NUMBER ? ScalarAttributeType.N
                : key.type() == AttributeType.BINARY ? ScalarAttributeType.B : ScalarAttributeType.S;
        return AttributeDefinition.builder().attributeName(key.name()).attributeType(type).build();
    }

    private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    }
}
