package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * One dashboard with what explains Shortstack's health and cost, and alarms on what an on-call
 * person must act on, all sent to one SNS topic.
 */
public final class Monitoring extends Construct {
    private static final Duration PERIOD = Duration.minutes(1);
    private final Topic alarmTopic;
    private final List<Alarm> alarms = new ArrayList<>();

    public Monitoring(Construct scope, String id, StageConfig config, HttpEntry http, List<ShortstackFunction> functions,
                      ShortstackFunction redirect, Queues queues, DataTables tables, ClickReplay replay) {
        super(scope, id);
        this.alarmTopic = Topic.Builder.create(this, "Alarms")
                .topicName("shortstack-" + config.name() + "-alarms")
                .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
                .enforceSsl(true)
                .build();
        config.alarmEmails().forEach(email -> alarmTopic.addSubscription(new EmailSubscription(email)));

        Metric redirectP50 = redirect.function().metricDuration(options("p50"));
        Metric redirectP99 = redirect.function().metricDuration(options("p99"));
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("shortstack-" + config.name())
                .build();
        dashboard.addWidgets(
                graph("Redirect latency (ms)", List.of(redirectP50, redirectP99)),
                graph("API requests and errors", List.of(http.api().metricCount(options("Sum")),
                        http.api().metricClientError(options("Sum")), http.api().metricServerError(options("Sum")))));
        dashboard.addWidgets(
                graph("Function errors", functions.stream().map(f -> (IMetric) f.function().metricErrors(options("Sum"))).toList()),
                graph("Function throttles", functions.stream().map(f -> (IMetric) f.function().metricThrottles(options("Sum"))).toList()),
                graph("Concurrency", functions.stream().map(f -> (IMetric) f.function().metric("ConcurrentExecutions", options("Maximum"))).toList()));
        List<IMetric> queueAge = new ArrayList<>();
        List<IMetric> queueDepth = new ArrayList<>();
        queues.all().forEach((definition, queue) -> {
            queueAge.add(queue.metricApproximateAgeOfOldestMessage(options("Maximum")));
            queueDepth.add(queue.metricApproximateNumberOfMessagesVisible(options("Maximum")));
            queueDepth.add(queues.deadLetterQueue(definition).metricApproximateNumberOfMessagesVisible(options("Maximum")));
        });
        List<IMetric> throttles = new ArrayList<>();
        tables.all().values().forEach(table -> {
            throttles.add(tableMetric(table, "ReadThrottleEvents"));
            throttles.add(tableMetric(table, "WriteThrottleEvents"));
        });
        dashboard.addWidgets(graph("Queue age (s)", queueAge), graph("Queue and DLQ depth", queueDepth),
                graph("DynamoDB throttled events", throttles));

        alarm("RedirectLatencyP99", redirectP99, config.alarms().redirectP99Millis(), 3,
                "Redirect p99 above " + config.alarms().redirectP99Millis() + " ms for 3 of 5 minutes");
        alarm("ApiServerErrors", http.api().metricServerError(options("Sum")), 5, 1, "HTTP API answered 5xx");
        for (ShortstackFunction function : functions) {
            String name = function.getNode().getId();
            alarm(name + "Errors", function.function().metricErrors(options("Sum")), 1, 1, name + " threw errors");
            alarm(name + "Throttles", function.function().metricThrottles(options("Sum")), 1, 1,
                    name + " is throttled: reserved concurrency reached");
        }
        queues.all().forEach((definition, queue) -> {
            alarm("Dlq" + definition.logicalName(), queues.deadLetterQueue(definition).metricApproximateNumberOfMessagesVisible(options("Maximum")),
                    1, 1, "Messages in the " + definition.logicalName() + " dead-letter queue: inspect and redrive");
            alarm("QueueAge" + definition.logicalName(), queue.metricApproximateAgeOfOldestMessage(options("Maximum")),
                    config.alarms().queueAgeSeconds(), 3, "The " + definition.logicalName() + " queue is falling behind");
        });
        // Clicks SQS refused are safe in the redirect's log and on their way back; the alarm says it happens (and how often).
        alarm("ClickReplays", replay.replaysLogged(), 1, 1, "SQS refused clicks: the redirect logged them for replay (they are put"
                + " back on the queue by the click-replay function)");
        alarm("ClickReplayFailures", replay.failures().metricApproximateNumberOfMessagesVisible(options("Maximum")), 1, 1,
                "Click replays Lambda gave up on: their clicks are in the click-replay-failures queue (docs/operations.md)");
        tables.all().forEach((definition, table) -> {
            alarm("Throttled" + definition.logicalName() + "Reads", tableMetric(table, "ReadThrottleEvents"), 1, 2,
                    definition.logicalName() + " table throttles reads: raise its capacity or cap");
            alarm("Throttled" + definition.logicalName() + "Writes", tableMetric(table, "WriteThrottleEvents"), 1, 2,
                    definition.logicalName() + " table throttles writes: raise its capacity or cap");
        });
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public List<Alarm> alarms() {
        return alarms;
    }

    private void alarm(String id, IMetric metric, double threshold, int datapoints, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(5)
                .datapointsToAlarm(datapoints)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(new SnsAction(alarmTopic));
        alarm.addOkAction(new SnsAction(alarmTopic));
        alarms.add(alarm);
    }

    private static Metric tableMetric(TableV2 table, String name) {
        return Metric.Builder.create().namespace("AWS/DynamoDB").metricName(name)
                .dimensionsMap(Map.of("TableName", table.getTableName()))
                .statistic("Sum").period(PERIOD).build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(8).build();
    }

    private static MetricOptions options(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }
}
