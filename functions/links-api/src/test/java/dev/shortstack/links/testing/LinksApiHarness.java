package dev.shortstack.links.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.links.audit.AuditLog;
import dev.shortstack.links.auth.ApiKeyStore;
import dev.shortstack.links.auth.RequestLimits;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.entrypoints.LinksApiDependencies;
import dev.shortstack.links.entrypoints.LinksApiFunction;
import dev.shortstack.links.jobs.ImportLimits;
import dev.shortstack.links.jobs.JobService;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.shared.domain.DomainStore;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.testing.InMemoryDomainStore;
import dev.shortstack.shared.testing.InMemoryVisitCounter;
import dev.shortstack.shared.link.VisitCounter;
import dev.shortstack.shared.testing.Fixtures;
import dev.shortstack.shared.testing.InMemoryWebhookStore;
import dev.shortstack.shared.testing.RecordingWebhookQueues;
import dev.shortstack.shared.webhooks.WebhookStore;
import dev.shortstack.shared.webhooks.WebhookTargets;
import java.time.Clock;
import java.time.Duration;

/** A links API function over the given stores, with the fixture admin key stored. */
public final class LinksApiHarness {
    public static final String SHORT_BASE_URL = "https://sho.rt";
    public static final String BLOCKED = "malware.example, phish.test";
    /** Besides sho.rt: go.sho.rt is the fixture workspace's, team.example another's; sho.rt's pages are the fixture workspace's. */
    public static final ShortDomains DOMAINS = ShortDomains.parse("go.sho.rt=" + Fixtures.WORKSPACE + ",team.example=other-team",
            Fixtures.WORKSPACE);
    /** Small enough that tests can go over them. */
    public static final ImportLimits IMPORT_LIMITS = new ImportLimits(4 * 1024 * 1024, 200_000, 1_000);

    private final LinksApiFunction function;
    private final LinksApiDependencies deps;
    private final WebhookStore webhooks;
    private final AuditLog auditLog;
    private final DomainStore domains;
    private final RecordingWebhookQueues webhookQueues = new RecordingWebhookQueues();

    public LinksApiHarness(LinkStore links, VisitCounter visits, ApiKeyStore keys, Clock clock) {
        this(links, visits, keys, null, clock);
    }

    /** @param jobs the batch job routes' service; null in tests that do not call them */
    public LinksApiHarness(LinkStore links, VisitCounter visits, ApiKeyStore keys, JobService jobs, Clock clock) {
        this(links, visits, keys, jobs, new InMemoryWebhookStore(), new InMemoryAuditLog(), clock);
    }

    public LinksApiHarness(LinkStore links, VisitCounter visits, ApiKeyStore keys, JobService jobs, WebhookStore webhooks,
                           AuditLog auditLog, Clock clock) {
        this(links, visits, keys, jobs, webhooks, auditLog, new InMemoryDomainStore(), clock);
    }

    public LinksApiHarness(LinkStore links, VisitCounter visits, ApiKeyStore keys, JobService jobs, WebhookStore webhooks,
                           AuditLog auditLog, DomainStore domains, Clock clock) {
        this.webhooks = webhooks;
        this.auditLog = auditLog;
        this.domains = domains;
        // Subscriptions are not cached: a test sees an endpoint's effect at once.
        this.deps = LinksApiDependencies.of(links, visits, keys, jobs, IMPORT_LIMITS, SHORT_BASE_URL, BLOCKED, clock,
                webhooks, webhookQueues.deliveryQueue(), webhookQueues.eventQueue(), new WebhookTargets(false), Duration.ZERO,
                RequestLimits.NONE, auditLog, new LinkDomains(DOMAINS, SHORT_BASE_URL, domains));
        deps.keys().importKey(Fixtures.ADMIN_KEY, Fixtures.WORKSPACE, Role.ADMIN, "fixture admin");
        this.function = new LinksApiFunction(deps);
    }

    /** The links API over in-memory stores: these links, no visits yet, the fixture admin key. */
    public static LinksApiHarness inMemory(InMemoryLinkStore links, Clock clock) {
        return new LinksApiHarness(links, new InMemoryVisitCounter(), new InMemoryApiKeyStore(), clock);
    }

    public JsonNode invoke(ObjectNode event) {
        return LambdaInvoker.invoke(function, "links-api", event);
    }

    public LinksApiFunction function() {
        return function;
    }

    /** The endpoints and deliveries the webhook routes made. */
    public WebhookStore webhookStore() {
        return webhooks;
    }

    /** Domains' settings and workspaces' default domains. */
    public DomainStore domainStore() {
        return domains;
    }

    /** What went on the webhook queues. */
    public RecordingWebhookQueues webhookQueues() {
        return webhookQueues;
    }

    public LinksApiDependencies deps() {
        return deps;
    }

    /** A new key of the role in the workspace, as its plaintext. */
    public String key(String workspace, Role role) {
        return deps.keys().issue(workspace, role, role.wireName() + " test key").plaintext();
    }

    public static ObjectNode as(ObjectNode event, String key) {
        return Fixtures.withHeader(event, "authorization", "Bearer " + key);
    }
}
