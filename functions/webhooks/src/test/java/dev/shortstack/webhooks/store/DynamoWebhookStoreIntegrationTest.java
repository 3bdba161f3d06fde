package dev.shortstack.webhooks.store;

import static dev.shortstack.webhooks.WebhookTesting.T0;
import static dev.shortstack.webhooks.WebhookTesting.linkCreated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.webhooks.DeliveryAttempt;
import dev.shortstack.shared.webhooks.DeliveryStatus;
import dev.shortstack.shared.webhooks.DynamoWebhookStore;
import dev.shortstack.shared.webhooks.EndpointStatus;
import dev.shortstack.shared.webhooks.WebhookDelivery;
import dev.shortstack.shared.webhooks.WebhookEndpoint;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook store's contract against DynamoDB (Dynoxide over HTTP). */
@ExtendWith(EmulatorsExtension.class)
class DynamoWebhookStoreIntegrationTest {
    private DynamoWebhookStore store;

    @BeforeEach
    void freshStage(EmulatedAws aws) {
        String stage = "w" + UUID.randomUUID().toString().substring(0, 8);
        store = new DynamoWebhookStore(aws.dynamo(), aws.provision(stage).resourceEnv().get(EnvNames.WEBHOOKS_TABLE));
    }

    private WebhookEndpoint endpoint(String workspace, String id) {
        return new WebhookEndpoint(workspace, id, "https://hooks.example.com/" + id, Set.of(WebhookEventType.LINK_CREATED,
                WebhookEventType.LINK_CLICKED), "desc", WebhookSigner.newSecret(), null, null, EndpointStatus.ACTIVE, null, null, null,
                T0, T0);
    }

    @Test
    void endpointsAreKeptPerWorkspaceAndReplacedOrDeletedOnlyWhenTheyExist() {
        WebhookEndpoint a = endpoint("ws-1", "wh_a");
        assertThat(store.createEndpoint(a)).isTrue();
        assertThat(store.createEndpoint(a)).as("the id is taken").isFalse();
        store.createEndpoint(endpoint("ws-1", "wh_b"));
        store.createEndpoint(endpoint("ws-2", "wh_c"));

        assertThat(store.endpoints("ws-1")).extracting(WebhookEndpoint::endpointId).containsExactlyInAnyOrder("wh_a", "wh_b");
        assertThat(store.endpoint("ws-1", "wh_a")).hasValue(a);
        assertThat(store.endpoint("ws-2", "wh_a")).as("another workspace's").isEmpty();
        assertThat(store.replaceEndpoint(endpoint("ws-2", "wh_zz"), T0)).as("gone").isFalse();
        WebhookEndpoint renamed = new WebhookEndpoint("ws-1", "wh_a", "https://hooks.example.com/new", a.events(), null, a.secret(),
                null, null, EndpointStatus.ACTIVE, null, null, null, T0, T0.plusSeconds(5));
        assertThat(store.replaceEndpoint(renamed, T0.plusSeconds(1))).as("changed since it was read").isFalse();
        assertThat(store.replaceEndpoint(renamed, T0)).isTrue();
        assertThat(store.endpoint("ws-1", "wh_a").orElseThrow().url()).isEqualTo("https://hooks.example.com/new");
        assertThat(store.deleteEndpoint("ws-1", "wh_b")).isTrue();
        assertThat(store.deleteEndpoint("ws-1", "wh_b")).isFalse();
        assertThat(store.endpoints("ws-1")).extracting(WebhookEndpoint::endpointId).containsExactly("wh_a");
    }

    @Test
    void theFailureClockKeepsItsFirstFailureUntilASuccessAndDisablingHappensOnce() {
        store.createEndpoint(endpoint("ws-1", "wh_a"));
        assertThat(store.noteFailure("ws-1", "wh_a", T0)).isEqualTo(T0);
        assertThat(store.noteFailure("ws-1", "wh_a", T0.plusSeconds(60))).isEqualTo(T0);
        store.noteSuccess("ws-1", "wh_a");
        assertThat(store.endpoint("ws-1", "wh_a").orElseThrow().failingSince()).isNull();
        assertThat(store.noteFailure("ws-1", "wh_a", T0.plusSeconds(120))).isEqualTo(T0.plusSeconds(120));

        assertThat(store.disable("ws-1", "wh_a", T0.plusSeconds(180), "failing")).isTrue();
        assertThat(store.disable("ws-1", "wh_a", T0.plusSeconds(240), "again")).isFalse();
        WebhookEndpoint disabled = store.endpoint("ws-1", "wh_a").orElseThrow();
        assertThat(disabled.status()).isEqualTo(EndpointStatus.DISABLED);
        assertThat(disabled.disabledReason()).isEqualTo("failing");
        assertThat(disabled.disabledAt()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void aDeliveryIsMadeOnceHeldByOneAttemptAtATimeAndKeepsItsBodyAndAttempts() {
        WebhookEndpoint endpoint = endpoint("ws-1", "wh_a");
        WebhookEvent event = linkCreated("ünïcode-slug", T0);
        WebhookDelivery delivery = WebhookDelivery.pending(endpoint, event, T0);
        assertThat(store.createDelivery(delivery)).isTrue();
        assertThat(store.createDelivery(delivery)).isFalse();
        assertThat(store.delivery("wh_a", event.id()).orElseThrow().payload()).as("the body, stored compressed")
                .isEqualTo(event.toJson());

        assertThat(store.lease("wh_a", event.id(), T0, T0.plusSeconds(60))).isTrue();
        assertThat(store.lease("wh_a", event.id(), T0.plusSeconds(1), T0.plusSeconds(61))).as("held").isFalse();
        store.recordAttempt("wh_a", event.id(), new DeliveryAttempt(T0, 500, 12, "The endpoint answered 500"),
                DeliveryStatus.PENDING, T0.plusSeconds(30));
        assertThat(store.lease("wh_a", event.id(), T0.plusSeconds(2), T0.plusSeconds(62))).as("let go, but not due yet").isFalse();
        assertThat(store.lease("wh_a", event.id(), T0.plusSeconds(30), T0.plusSeconds(90))).as("due").isTrue();
        store.recordAttempt("wh_a", event.id(), new DeliveryAttempt(T0.plusSeconds(30), 204, 8, null), DeliveryStatus.SUCCEEDED, null);
        assertThat(store.lease("wh_a", event.id(), T0.plusSeconds(90), T0.plusSeconds(150))).as("settled").isFalse();

        WebhookDelivery done = store.delivery("wh_a", event.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(done.nextAttemptAt()).isNull();
        assertThat(done.attemptLog()).containsExactly(new DeliveryAttempt(T0, 500, 12, "The endpoint answered 500"),
                new DeliveryAttempt(T0.plusSeconds(30), 204, 8, null));
    }

    @Test
    void theLogListsAnEndpointsDeliveriesNewestFirstPageByPage() {
        WebhookEndpoint endpoint = endpoint("ws-1", "wh_a");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WebhookEvent event = linkCreated("s" + i, T0.plusSeconds(i));
            store.createDelivery(WebhookDelivery.pending(endpoint, event, T0));
            ids.add(0, event.id());
        }
        store.createDelivery(WebhookDelivery.pending(endpoint("ws-1", "wh_b"), linkCreated("other", T0), T0));

        List<WebhookDelivery> first = store.deliveries("wh_a", null, 2);
        List<WebhookDelivery> second = store.deliveries("wh_a", first.get(1).deliveryId(), 2);
        List<WebhookDelivery> last = store.deliveries("wh_a", second.get(1).deliveryId(), 2);

        assertThat(first).extracting(WebhookDelivery::deliveryId).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(second).extracting(WebhookDelivery::deliveryId).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(last).extracting(WebhookDelivery::deliveryId).containsExactlyElementsOf(ids.subList(4, 5));
    }
}
