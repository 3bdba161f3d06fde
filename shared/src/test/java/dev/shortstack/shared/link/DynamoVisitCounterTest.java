package dev.shortstack.shared.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.infra.VisitAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The batch read of a list page's visit counts when DynamoDB, throttled, leaves keys unprocessed (the emulator never does). */
class DynamoVisitCounterTest {
    private static final Map<String, Long> COUNTS = Map.of("a", 3L, "b", 0L, "c", 7L);

    @Test
    void keysLeftUnprocessedAreAskedAgainUntilEveryCountIsRead() {
        ThrottledDynamo dynamo = new ThrottledDynamo(1);

        List<Long> pauses = new ArrayList<>();

        assertThat(new DynamoVisitCounter(dynamo, "visits", pauses::add).used(List.of("a", "b", "c", "d")))
                .isEqualTo(Map.of("a", 3L, "b", 0L, "c", 7L, "d", 0L));
        assertThat(pauses).as("one pause before the second ask").containsExactly(50L);
        assertThat(dynamo.batchCalls).isEqualTo(2);
        assertThat(dynamo.singleReads).isZero();
    }

    @Test
    void keysStillUnprocessedAfterTheLastAttemptAreReadOneByOne() {
        ThrottledDynamo dynamo = new ThrottledDynamo(Integer.MAX_VALUE);

        List<Long> pauses = new ArrayList<>();

        assertThat(new DynamoVisitCounter(dynamo, "visits", pauses::add).used(List.of("a", "b", "c")))
                .isEqualTo(Map.of("a", 3L, "b", 0L, "c", 7L));
        assertThat(pauses).as("growing pauses between asks").containsExactly(50L, 100L);
        assertThat(dynamo.batchCalls).as("a answered, then b, then nothing").isEqualTo(3);
        assertThat(dynamo.singleReads).as("c").isEqualTo(1);
    }

    /**
     * For its first {@code throttledCalls} batch calls, answers only the first of several keys (none of a single
     * one) and leaves the rest unprocessed.
     */
    private static final class ThrottledDynamo implements DynamoDbClient {
        private final int throttledCalls;
        int batchCalls;
        int singleReads;

        ThrottledDynamo(int throttledCalls) {
            this.throttledCalls = throttledCalls;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            batchCalls++;
            List<Map<String, AttributeValue>> keys = request.requestItems().get("visits").keys();
            boolean throttled = batchCalls <= throttledCalls;
            int answeredCount = !throttled ? keys.size() : keys.size() > 1 ? 1 : 0;
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            keys.subList(0, answeredCount).forEach(key -> item(key.get(VisitAttributes.LINK_ID).s()).ifPresent(items::add));
            BatchGetItemResponse.Builder response = BatchGetItemResponse.builder().responses(Map.of("visits", items));
            if (answeredCount < keys.size()) {
                response.unprocessedKeys(Map.of("visits", KeysAndAttributes.builder().keys(keys.subList(answeredCount, keys.size())).build()));
            }
            return response.build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            singleReads++;
            return item(request.key().get(VisitAttributes.LINK_ID).s())
                    .map(item -> GetItemResponse.builder().item(item).build())
                    .orElse(GetItemResponse.builder().build());
        }

        private static java.util.Optional<Map<String, AttributeValue>> item(String linkId) {
            return java.util.Optional.ofNullable(COUNTS.get(linkId)).map(count -> Map.of(
                    VisitAttributes.LINK_ID, AttributeValue.fromS(linkId), VisitAttributes.COUNT, AttributeValue.fromN(count.toString())));
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
