package dev.shortstack.links.testing;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.Stage;
import dev.shortstack.links.jobs.JobService;
import dev.shortstack.links.store.SqsJobQueue;
import dev.shortstack.links.store.dynamodb.DynamoJobStore;
import dev.shortstack.links.store.s3.S3JobFiles;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import java.util.HashMap;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.links.store.dynamodb.DynamoLinkStore;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.domain.DynamoDomainStore;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.infra.TableDefinition;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.webhooks.DynamoWebhookStore;
import dev.shortstack.links.audit.DynamoAuditLog;
import dev.shortstack.shared.testing.TableSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The links API over DynamoDB stores in a fresh emulated stage of its own. */
public final class DynamoHarness {
    private final EmulatedAws aws;
    private final Stage stage;
    private final DynamoLinkStore links;
    private final LinksApiHarness api;

    public DynamoHarness(EmulatedAws aws, int indexShards) {
        this.aws = aws;
        this.stage = aws.provision("t" + UUID.randomUUID().toString().substring(0, 8));
        this.links = new DynamoLinkStore(aws.dynamo(), table(EnvNames.LINKS_TABLE), table(EnvNames.VISITS_TABLE), indexShards);
        this.api = new LinksApiHarness(links,
                new DynamoVisitCounter(aws.dynamo(), table(EnvNames.VISITS_TABLE)),
                new DynamoApiKeyStore(aws.dynamo(), table(EnvNames.API_KEYS_TABLE)),
                new JobService(new DynamoJobStore(aws.dynamo(), table(EnvNames.JOBS_TABLE)),
                        new SqsJobQueue(aws.sqs(), stage.queueUrl(ShortstackResources.JOBS_WORK)),
                        S3JobFiles.fromEnv(AwsClients.fromEnv(Env.of(env())), table(EnvNames.JOB_FILES_BUCKET)),
                        Clock.systemUTC()),
                new DynamoWebhookStore(aws.dynamo(), table(EnvNames.WEBHOOKS_TABLE)),
                new DynamoAuditLog(aws.dynamo(), table(EnvNames.AUDIT_TABLE), Duration.ofDays(30)),
                new DynamoDomainStore(aws.dynamo(), table(EnvNames.DOMAINS_TABLE)),
                Clock.systemUTC());
    }

    public LinksApiHarness api() {
        return api;
    }

    public DynamoLinkStore links() {
        return links;
    }

    /** The environment a function of this stage sees. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>(aws.awsEnv());
        env.putAll(stage.resourceEnv());
        return env;
    }

    public EmulatedAws aws() {
        return aws;
    }

    public Stage stage() {
        return stage;
    }

    public String table(String envVar) {
        return stage.resourceEnv().get(envVar);
    }

    /** Every item of every table of the stage (but the API's request bookkeeping), to prove a request wrote nothing. */
    public Set<Map<String, AttributeValue>> snapshot() {
        return TableSnapshot.of(aws.dynamo(), this::table);
    }
}
