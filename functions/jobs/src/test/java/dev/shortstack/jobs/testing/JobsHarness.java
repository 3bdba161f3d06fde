package dev.shortstack.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.LambdaInvoker;
import dev.shortstack.emulators.Stage;
import dev.shortstack.jobs.entrypoints.JobWorkerDependencies;
import dev.shortstack.jobs.entrypoints.JobWorkerFunction;
import dev.shortstack.jobs.exports.WorkspaceLinks;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.InvalidSlugPolicy;
import dev.shortstack.links.jobs.ImportRequest;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobQueue;
import dev.shortstack.links.jobs.JobService;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.links.links.SlugGenerator;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.link.Link;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The jobs worker over a fresh emulated stage, with the queue drained by hand: each message is
 * delivered to the function, deleted when it succeeds and made visible again at once when it
 * fails, which is what the event source mapping does, minus the waiting.
 */
public final class JobsHarness {
    public static final String WORKSPACE = "importers";
    public static final Caller CALLER = new Caller("key-importer", WORKSPACE, Role.WRITE);

    private final EmulatedAws aws;
    private final Stage stage;
    private final JobWorkerDependencies deps;
    private final JobService jobs;
    private JobWorkerFunction function;
    private int deliveries;

    /** @param settings extra environment, e.g. smaller limits */
    public JobsHarness(EmulatedAws aws, Map<String, String> settings) {
        this.aws = aws;
        this.stage = aws.provision("j" + UUID.randomUUID().toString().substring(0, 8));
        this.deps = JobWorkerDependencies.fromEnv(Env.of(env(settings)));
        this.jobs = new JobService(deps.jobs(), deps.queue(), deps.files(), Clock.systemUTC());
        this.function = new JobWorkerFunction(deps);
    }

    public Map<String, String> env(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(aws.awsEnv());
        env.putAll(stage.resourceEnv());
        env.put(EnvNames.SHORT_BASE_URL, "https://sho.rt");
        env.putAll(settings);
        return env;
    }

    /** Rebuilds the function over wrapped stores (to inject faults); the real ones are passed in. */
    public void wrap(UnaryOperator<LinkStore> links, UnaryOperator<JobStore> jobStore, UnaryOperator<JobQueue> queue) {
        LinkStore linkStore = links.apply(deps.linkStore());
        LinkService service = new LinkService(linkStore, new DynamoVisitCounter(aws.dynamo(), stage.resourceEnv().get(EnvNames.VISITS_TABLE)),
                new SlugGenerator(new SecureRandom()), Clock.systemUTC());
        function = new JobWorkerFunction(new JobWorkerDependencies(jobStore.apply(deps.jobs()), queue.apply(deps.queue()), deps.files(),
                linkStore, service, deps.parser(), deps.clicks(), deps.limits(), deps.clock()));
    }

    public JobService jobs() {
        return jobs;
    }

    public JobWorkerDependencies deps() {
        return deps;
    }

    public EmulatedAws aws() {
        return aws;
    }

    public String queueUrl() {
        return stage.queueUrl(ShortstackResources.JOBS_WORK);
    }

    public String deadLetterQueueUrl() {
        return stage.deadLetterQueueUrl(ShortstackResources.JOBS_WORK);
    }

    /** Imports a file sent inline and works the queue until it is empty. */
    public Job importFile(ImportFormat format, byte[] content, List<String> defaultTags) {
        return importFile(format, content, defaultTags, InvalidSlugPolicy.REJECT);
    }

    /** Imports a file sent inline with the given choice for slugs Shortstack cannot take, and works the queue dry. */
    public Job importFile(ImportFormat format, byte[] content, List<String> defaultTags, InvalidSlugPolicy onInvalidSlug) {
        Job job = jobs.createInlineImport(CALLER, new ImportRequest(format, defaultTags, onInvalidSlug, OptionalLong.of(content.length)),
                content, "text/csv");
        drain();
        return jobs.get(CALLER, job.jobId());
    }

    /** Delivers one message, if there is one; @return whether there was */
    public boolean deliverOne() {
        List<Message> messages = aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(1)
                .visibilityTimeout(60).messageSystemAttributeNamesWithStrings("All")).messages();
        messages.forEach(this::deliver);
        return !messages.isEmpty();
    }

    /** Delivers every message until none is left; returns how many deliveries it took. */
    public int drain() {
        int before = deliveries;
        while (true) {
            List<Message> messages = aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(10)
                    .visibilityTimeout(60).messageSystemAttributeNamesWithStrings("All")).messages();
            if (messages.isEmpty()) {
                return deliveries - before;
            }
            for (Message message : messages) {
                deliver(message);
            }
        }
    }

    private void deliver(Message message) {
        deliveries++;
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode records = event.putArray("Records");
        ObjectNode record = records.addObject();
        record.put("messageId", message.messageId());
        record.put("body", message.body());
        record.putObject("attributes").put("ApproximateReceiveCount",
                message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
        JsonNode response = LambdaInvoker.invoke(function, "jobs-worker", event);
        if (response.path("batchItemFailures").isEmpty()) {
            aws.sqs().deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(message.receiptHandle()));
        } else {
            aws.sqs().changeMessageVisibility(r -> r.queueUrl(queueUrl()).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
    }

    /** Every link of the workspace, newest first. */
    public List<Link> links() {
        List<Link> all = new ArrayList<>();
        WorkspaceLinks.forEach(deps.linkStore(), WORKSPACE, null, null, all::add);
        return all;
    }

    /** A file of the job files bucket as text. */
    public String file(String key) {
        return aws.s3().getObjectAsBytes(r -> r.bucket(stage.resourceEnv().get(EnvNames.JOB_FILES_BUCKET)).key(key)).asUtf8String();
    }
}
