package dev.shortstack.shared.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** What the reads cost: for the redirect a link that exists one eventually consistent read, a miss one more that is strong. */
class DynamoLinkReaderTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final Link LINK = new Link("s1", "id", "ws", "https://e.example", 302, T, T, null, null, List.of(), false, 1, "key");

    @Test
    void aLinkThatExistsIsReadOnceEventuallyConsistent() {
        ScriptedDynamo dynamo = new ScriptedDynamo(LinkItems.toItem(LINK, 8), LinkItems.toItem(LINK, 8));

        assertThat(DynamoLinkReader.eventuallyConsistentFirst(dynamo, "links").find("s1")).contains(LINK);
        assertThat(dynamo.consistentReads).containsExactly(false);
    }

    @Test
    void aLinkCreatedAMomentAgoIsFoundByTheStrongReadThatFollowsAMiss() {
        ScriptedDynamo dynamo = new ScriptedDynamo(Map.of(), LinkItems.toItem(LINK, 8));

        assertThat(DynamoLinkReader.eventuallyConsistentFirst(dynamo, "links").find("s1")).contains(LINK);
        assertThat(dynamo.consistentReads).containsExactly(false, true);
    }

    @Test
    void anUnknownSlugIsUnknownOnlyOnceTheStrongReadSaysSo() {
        ScriptedDynamo dynamo = new ScriptedDynamo(Map.of(), Map.of());

        assertThat(DynamoLinkReader.eventuallyConsistentFirst(dynamo, "links").find("nope")).isEmpty();
        assertThat(dynamo.consistentReads).containsExactly(false, true);
    }

    @Test
    void theApisReaderAlwaysReadsStronglySoAnEditIsSeenAtOnce() {
        ScriptedDynamo dynamo = new ScriptedDynamo(Map.of(), LinkItems.toItem(LINK, 8));

        assertThat(DynamoLinkReader.stronglyConsistent(dynamo, "links").find("s1")).contains(LINK);
        assertThat(dynamo.consistentReads).containsExactly(true);
    }

    /** Answers eventually consistent reads from one item (a replica) and strong ones from another (the leader). */
    private static final class ScriptedDynamo implements DynamoDbClient {
        final List<Boolean> consistentReads = new ArrayList<>();
        private final Map<String, AttributeValue> replica;
        private final Map<String, AttributeValue> leader;

        ScriptedDynamo(Map<String, AttributeValue> replica, Map<String, AttributeValue> leader) {
            this.replica = replica;
            this.leader = leader;
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            boolean consistent = Boolean.TRUE.equals(request.consistentRead());
            consistentReads.add(consistent);
            Map<String, AttributeValue> item = consistent ? leader : replica;
            return item.isEmpty() ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
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
