package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.observability.Observability;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.SubscriptionFilter;
import software.amazon.awscdk.services.logs.destinations.LambdaDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The replay path, closed: a subscription filter on the redirect's log group sends every line marked
 * {@code "replay": "click"} (a click SQS refused) to the replay function, which puts the click back on the clicks queue.
 * CloudWatch Logs invokes it asynchronously: Lambda retries a failed invocation twice over up to six hours, then leaves the
 * event on a failure queue, whose messages an alarm reports (and docs/operations.md says how to replay).
 */
public final class ClickReplay extends Construct {
    /** The redirect's log lines whose clicks go back on the queue ({@code LoggedClickReplayLog}). */
    static final String FILTER_PATTERN = "{ $.replay = \"click\" }";
    private final Queue failures;
    private final Metric replaysLogged;

    public ClickReplay(Construct scope, String id, StageConfig stage, ShortstackFunction redirect, ShortstackFunction replay,
                       Queue clicks) {
        super(scope, id);
        clicks.grantSendMessages(replay.function());
        this.failures = Queue.Builder.create(this, "Failures")
                .queueName(ShortstackResources.physicalName(stage.name(), "click-replay-failures"))
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        replay.function().configureAsyncInvoke(software.amazon.awscdk.services.lambda.EventInvokeConfigOptions.builder()
                .retryAttempts(2)
                .maxEventAge(Duration.hours(6))
                .onFailure(new SqsDestination(failures))
                .build());
        SubscriptionFilter.Builder.create(this, "ReplayLines")
                .logGroup(redirect.logGroup())
                .filterPattern(FilterPattern.literal(FILTER_PATTERN))
                .filterName("click-replay")
                .destination(new LambdaDestination(replay.function()))
                .build();
        // Counted by the redirect (Powertools EMF) each time SQS refuses a click.
        this.replaysLogged = Metric.Builder.create().namespace(Observability.NAMESPACE).metricName("ClickReplayLogged")
                .dimensionsMap(Map.of("Service", "redirect")).statistic("Sum").period(Duration.minutes(1)).build();
    }

    /** Replay events Lambda gave up on: their clicks are in the messages, to put back by hand. */
    public Queue failures() {
        return failures;
    }

    /** Clicks SQS refused, logged for replay, per minute. */
    public Metric replaysLogged() {
        return replaysLogged;
    }
}
