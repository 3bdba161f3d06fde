package dev.shortstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortstack.analytics.entrypoints.AggregateClicksFunction;
import dev.shortstack.infra.config.StageConfig.FunctionConfig;
import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.infra.constructs.Dashboard;
import dev.shortstack.jobs.entrypoints.JobWorkerFunction;
import dev.shortstack.links.entrypoints.LinksApiFunction;
import dev.shortstack.redirect.entrypoints.RedirectFunction;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.infra.ApiRoutes;
import dev.shortstack.shared.infra.QueueDefinition;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.infra.TableDefinition;
import dev.shortstack.shared.stats.CompactionRequest;
import dev.shortstack.stats.entrypoints.CompactArchiveFunction;
import dev.shortstack.stats.entrypoints.StatsApiFunction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The synthesised templates of both stages carry the configured values: throttles, concurrency,
 * DynamoDB caps or auto scaling, provisioned concurrency, budgets, alarms, DLQs, routes, least
 * privilege, Athena's table and limits, and zero unsuppressed cdk-nag errors. Both stages are
 * synthesised once for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortstackStackTest {
    /** The click archive bucket's logical id, without CDK's hash. */
    private static final String ARCHIVE = "Bucketsclickarchive";
    private final Map<String, Synthesised> stages = new java.util.HashMap<>();

    private record Synthesised(StageConfig config, ShortstackStack stack, Template template) {
    }

    @BeforeAll
    void synthesiseEveryStage() {
        for (String stage : List.of("dev", "prod")) {
            StageConfig config = StageConfig.load(ShortstackApp.STAGES_FILE, stage);
            App app = new App();
            ShortstackStack stack = ShortstackApp.build(app, config);
            stages.put(stage, new Synthesised(config, stack, Template.fromStack(stack)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void apiStageIsThrottledWithTheConfiguredRateAndBurst(String stage) {
        Synthesised s = stages.get(stage);
        s.template().hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "DefaultRouteSettings", Map.of(
                        "ThrottlingRateLimit", s.config().api().rateLimitPerSecond(),
                        "ThrottlingBurstLimit", s.config().api().burstLimit()),
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue()))));
        assertThat(HttpRoutes.aliasOf(s.template(), "ANY /v1/{proxy+}")).startsWith("LinksApiLive");
        assertThat(s.template().findResources("AWS::ApiGatewayV2::Route").values().toString())
                .as("short links do not pass through the HTTP API").doesNotContain("{slug}\"").doesNotContain("/{slug} ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shortLinksHaveOneFrontDoorCloudFrontSigningCallsToTheRedirectsPrivateFunctionUrl(String stage) {
        Template template = stages.get(stage).template();
        Map<String, Map<String, Object>> urls = template.findResources("AWS::Lambda::Url");
        assertThat(urls).as("one function URL, the redirect's").hasSize(1);
        Map<String, Object> url = properties(urls.values().iterator().next());
        assertThat(url.get("AuthType")).as("no public function URL").isEqualTo("AWS_IAM");
        assertThat(String.valueOf(url.get("TargetFunctionArn"))).contains("RedirectFunction");
        assertThat(url.get("Qualifier")).as("the published version behind the live alias").isEqualTo("live");
        template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig",
                Match.objectLike(Map.of("OriginAccessControlOriginType", "lambda", "SigningBehavior", "always", "SigningProtocol", "sigv4"))));
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunctionUrl",
                "Principal", "cloudfront.amazonaws.com",
                "SourceArn", Match.anyValue()));
        String distribution = String.valueOf(template.findResources("AWS::CloudFront::Distribution").values().iterator().next());
        assertThat(distribution).as("the default behaviour (short links) goes to the function URL through the access control")
                .contains("OriginAccessControlId").contains("RedirectLiveFunctionUrl");
        assertThat(template.findResources("AWS::Lambda::Permission").values().toString())
                .as("nobody else may call the URL").doesNotContain("\"Principal\":\"*\"").doesNotContain("Principal=*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void statisticsAreAnsweredByTheStatsApiNotByTheLinksApi(String stage) {
        Template template = stages.get(stage).template();
        for (String route : List.of("GET /v1/links/{slug}/stats", "ANY /v1/stats", "ANY /v1/stats/{proxy+}",
                "GET /rest/v3/short-urls", "GET /rest/v3/short-urls/{shortCode}", "GET /rest/v3/short-urls/{shortCode}/visits",
                "GET /rest/v3/tags/stats")) {
            assertThat(HttpRoutes.aliasOf(template, route)).as(route).startsWith("StatsApiLive");
        }
        for (String route : List.of("ANY /v1/{proxy+}", "ANY /rest/{proxy+}")) {
            assertThat(HttpRoutes.aliasOf(template, route)).as(route).startsWith("LinksApiLive");
        }
        // A password form's POST reaches the redirect through API Gateway (the function URL's OAC needs a signed body).
        assertThat(HttpRoutes.aliasOf(template, "POST /unlock/{slug}")).startsWith("RedirectLive");
        template.resourceCountIs("AWS::ApiGatewayV2::Route", ApiRoutes.ROUTES.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theStatsModuleRunsTheStatsApiWithRoomInTmpAndWithoutSnapStart(String stage) {
        Synthesised s = stages.get(stage);
        s.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "shortstack-" + stage + "-stats-api",
                "Handler", "dev.shortstack.stats.entrypoints.StatsApiFunction::handleRequest",
                "EphemeralStorage", Map.of("Size", s.config().function("stats-api").ephemeralStorageMb()),
                "SnapStart", Match.absent()));
        s.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "shortstack-" + stage + "-compactor",
                "Handler", "dev.shortstack.stats.entrypoints.CompactArchiveFunction::handleRequest",
                "SnapStart", Match.absent()));
        assertThat(s.config().function("stats-api").ephemeralStorageMb()).isGreaterThan(512);
        assertThat(environmentOf(s.template(), "shortstack-" + stage + "-stats-api"))
                .containsKeys("STATS_TABLE", "CLICK_ARCHIVE_BUCKET", "COMPACTION_QUEUE_URL", "LINKS_TABLE", "API_KEYS_TABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theClickEngineFitsEachFunctionsTmpAndMemoryAndStopsBeforeItsTimeout(String stage) {
        Synthesised s = stages.get(stage);
        for (String function : List.of("stats-api", "compactor", "jobs-worker")) {
            FunctionConfig fn = s.config().function(function);
            Map<String, Object> env = environmentOf(s.template(), "shortstack-" + stage + "-" + function);
            int tmpMb = fn.ephemeralStorageMb() == null ? 512 : fn.ephemeralStorageMb();
            assertThat(Integer.parseInt((String) env.get("ARCHIVE_CACHE_MB"))).as(function).isPositive().isLessThan(tmpMb);
            assertThat(Integer.parseInt((String) env.get("QUERY_MEMORY_MB"))).as(function).isPositive().isLessThan(fn.memoryMb());
            if (!function.equals("jobs-worker")) {
                assertThat(Integer.parseInt((String) env.get("QUERY_TIMEOUT_SECONDS"))).as(function)
                        .isPositive().isLessThan(fn.timeoutSeconds());
            }
        }
        // Exports keep the worker's own statement limit (which leaves time to write the file).
        assertThat(environmentOf(s.template(), "shortstack-" + stage + "-jobs-worker")).doesNotContainKey("QUERY_TIMEOUT_SECONDS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noFunctionIsToldOfCounterShardsAnyMore(String stage) {
        stages.get(stage).template().findResources("AWS::Lambda::Function").values().forEach(function ->
                assertThat(function.toString()).doesNotContain("COUNTER_SHARDS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyFunctionIsJava21OnArm64WithItsMemoryReservedConcurrencyAndLogRetention(String stage) {
        Synthesised s = stages.get(stage);
        for (String function : List.of("links-api", "redirect", "aggregator", "compactor", "stats-api", "jobs-worker")) {
            FunctionConfig fn = s.config().function(function);
            String name = "shortstack-" + stage + "-" + function;
            Map<String, Object> expected = new java.util.HashMap<>(Map.of(
                    "FunctionName", name,
                    "Runtime", "java21",
                    "Architectures", List.of("arm64"),
                    "MemorySize", fn.memoryMb(),
                    "Timeout", fn.timeoutSeconds(),
                    "ReservedConcurrentExecutions", fn.reservedConcurrency()));
            expected.put("SnapStart", fn.snapStart() ? Map.of("ApplyOn", "PublishedVersions") : Match.absent());
            expected.put("EphemeralStorage", fn.ephemeralStorageMb() != null ? Map.of("Size", fn.ephemeralStorageMb()) : Match.absent());
            s.template().hasResourceProperties("AWS::Lambda::Function", expected);
            s.template().hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                    "LogGroupName", "/aws/lambda/" + name, "RetentionInDays", s.config().logRetentionDays()));
        }
        s.template().resourceCountIs("AWS::Lambda::Alias", s.config().functions().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void theAggregatorIsUpdatedBeforeTheRedirectThatFeedsIt(String stage) {
        Template template = stages.get(stage).template();
        Map<String, Map<String, Object>> redirect = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("FunctionName", "shortstack-" + stage + "-redirect")));
        Map<String, Map<String, Object>> aggregatorAlias = template.findResources("AWS::Lambda::Alias",
                Map.of("Properties", Map.of("FunctionName", Map.of("Ref", Match.stringLikeRegexp("Aggregator.*")))));
        assertThat(redirect).hasSize(1);
        assertThat(aggregatorAlias).hasSize(1);
        assertThat((List<String>) redirect.values().iterator().next().get("DependsOn"))
                .contains(aggregatorAlias.keySet().iterator().next());
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalShortDomainsShareOneDistributionAndTheRedirectTellsThemApartByTheViewersHost() {
        StageConfig dev = stages.get("dev").config().withCustomDomain(new StageConfig.CustomDomain("sho.rt",
                "arn:aws:acm:us-east-1:123456789012:certificate/abc", "ops",
                List.of(new StageConfig.ExtraDomain("go.acme.example", "acme"), new StageConfig.ExtraDomain("l.team.example", "team"))));
        Template template = Template.fromStack(ShortstackApp.build(new App(), dev));

        Map<String, Object> distribution = (Map<String, Object>) propertiesOfOne(template, "AWS::CloudFront::Distribution", Map.of())
                .get("DistributionConfig");
        assertThat(distribution.get("Aliases")).isEqualTo(List.of("sho.rt", "go.acme.example", "l.team.example"));
        Map<String, Object> redirectBehaviour = (Map<String, Object>) distribution.get("DefaultCacheBehavior");
        assertThat(String.valueOf(redirectBehaviour.get("FunctionAssociations"))).as("the Host copied before the cache key is made")
                .contains("viewer-request").contains("CdnViewerHost");
        String viewerHost = String.valueOf(propertiesOfOne(template, "AWS::CloudFront::Function",
                Map.of("Name", Match.stringLikeRegexp(".*ViewerHost.*"))).get("FunctionCode"));
        assertThat(viewerHost).contains("x-shortstack-host").contains("request.headers.host");
        template.hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
                "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of("HeadersConfig", Map.of(
                        "HeaderBehavior", "whitelist", "Headers", List.of("x-shortstack-host"))))))));
        for (String function : List.of("redirect", "links-api", "stats-api", "jobs-worker")) {
            assertThat(environmentOf(template, "shortstack-dev-" + function)).as(function)
                    .containsEntry("SHORT_DOMAINS", "go.acme.example=acme,l.team.example=team")
                    .containsEntry("DEFAULT_DOMAIN_WORKSPACE", "ops");
        }
        assertThat(environmentOf(stages.get("dev").template(), "shortstack-dev-redirect")).as("no custom domain: none")
                .doesNotContainKey("SHORT_DOMAINS");
    }

    @Test
    void aStageThatNamesADomainTwiceOrAMalformedOneIsRefused() {
        StageConfig dev = stages.get("dev").config();
        assertThatThrownBy(() -> dev.withCustomDomain(new StageConfig.CustomDomain("sho.rt", "arn:aws:acm:us-east-1:1:certificate/a", null,
                List.of(new StageConfig.ExtraDomain("sho.rt", "acme")))))
                .hasMessageContaining("must not name the default domain");
        assertThatThrownBy(() -> dev.withCustomDomain(new StageConfig.CustomDomain("sho.rt", "arn:aws:acm:us-east-1:1:certificate/a", null,
                List.of(new StageConfig.ExtraDomain("https://go.example", "acme")))))
                .hasMessageContaining("host=workspace");
        assertThatThrownBy(() -> dev.withCustomDomain(new StageConfig.CustomDomain("sho.rt", "arn:aws:acm:us-east-1:1:certificate/a", null,
                List.of(new StageConfig.ExtraDomain("go.example", "acme"), new StageConfig.ExtraDomain("go.example", "team")))))
                .hasMessageContaining("twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRedirectsReplayLinesFeedTheReplayFunctionWhichRetriesThenKeepsWhatFailed(String stage) {
        Template template = stages.get(stage).template();
        template.hasResourceProperties("AWS::Logs::SubscriptionFilter", Map.of(
                "FilterPattern", "{ $.replay = \"click\" }",
                "LogGroupName", Map.of("Ref", Match.stringLikeRegexp("RedirectLogs.*")),
                "DestinationArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ClickReplayFunction.*"), "Arn"))));
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunction",
                "Principal", "logs.amazonaws.com", "FunctionName", Match.anyValue()));
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 6 * 3600,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ReplayPathFailures.*"), "Arn"))))));
        assertThat(environmentOf(template, "shortstack-" + stage + "-click-replay")).containsKey("CLICKS_QUEUE_URL");
    }

    @Test
    void theApiAnswersCorsOnlyForTheConfiguredOriginsAndNoneByDefault() {
        stages.values().forEach(s -> assertThat(propertiesOfOne(s.template(), "AWS::ApiGatewayV2::Api", Map.of()))
                .as(s.config().name()).doesNotContainKey("CorsConfiguration"));
        StageConfig dev = stages.get("dev").config();
        StageConfig withOrigins = dev.withApi(new StageConfig.ApiConfig(dev.api().rateLimitPerSecond(), dev.api().burstLimit(),
                List.of("https://app.example.com", "http://localhost:5173"), dev.api().keyRequestsPerSecond(),
                dev.api().authFailuresPerMinute(), dev.api().auditRetentionDays()));
        Template template = Template.fromStack(ShortstackApp.build(new App(), withOrigins));

        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("CorsConfiguration", Map.of(
                "AllowOrigins", List.of("https://app.example.com", "http://localhost:5173"),
                "AllowMethods", List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
                "AllowHeaders", List.of("authorization", "content-type", "if-match", "x-api-key"),
                "ExposeHeaders", List.of("etag", "location", "retry-after"),
                "MaxAge", 600)));
        assertThatThrownBy(() -> dev.withApi(new StageConfig.ApiConfig(50, 100, List.of("*"), 25, 20, 90)))
                .hasMessageContaining("api.corsOrigins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void theRedirectWritesNoPlatformLinePerClickWhileTheOtherFunctionsKeepTheirReports(String stage) {
        Template template = stages.get(stage).template();
        for (String function : List.of("links-api", "redirect", "aggregator", "compactor", "stats-api", "jobs-worker")) {
            Map<String, Object> logging = (Map<String, Object>) propertiesOfOne(template, "AWS::Lambda::Function",
                    Map.of("FunctionName", "shortstack-" + stage + "-" + function)).get("LoggingConfig");
            assertThat(logging).as(function).containsEntry("LogFormat", "JSON").containsEntry("ApplicationLogLevel", "INFO")
                    .containsEntry("SystemLogLevel", function.equals("redirect") ? "WARN" : "INFO");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachFunctionRunsItsHandlerClassNamedByItsClassLiteral(String stage) {
        // Written out here rather than read back from the stack, so that a handler wired to the wrong function fails.
        Map<String, Class<? extends RequestStreamHandler>> handlers = Map.of(
                "links-api", LinksApiFunction.class,
                "redirect", RedirectFunction.class,
                "aggregator", AggregateClicksFunction.class,
                "compactor", CompactArchiveFunction.class,
                "stats-api", StatsApiFunction.class,
                "jobs-worker", JobWorkerFunction.class);
        Template template = stages.get(stage).template();
        handlers.forEach((function, handler) -> template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "shortstack-" + stage + "-" + function,
                "Handler", handler.getName() + "::handleRequest")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void tablesComeFromTheSharedDefinitionsWithTheStagesCapacityMode(String stage) {
        Synthesised s = stages.get(stage);
        StageConfig.DynamoConfig dynamo = s.config().dynamodb();
        s.template().resourceCountIs("AWS::DynamoDB::GlobalTable", ShortstackResources.TABLES.size());
        for (var table : ShortstackResources.TABLES) {
            Map<String, Object> replica = new java.util.HashMap<>(Map.of(
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "DeletionProtectionEnabled", dynamo.deletionProtection()));
            List<Object> keySchema = new ArrayList<>(List.of(Map.of("AttributeName", table.partitionKey().name(), "KeyType", "HASH")));
            table.sortKey().ifPresent(sk -> keySchema.add(Map.of("AttributeName", sk.name(), "KeyType", "RANGE")));
            Map<String, Object> props = new java.util.HashMap<>(Map.of(
                    "TableName", ShortstackResources.physicalName(stage, table.logicalName()),
                    "KeySchema", keySchema));
            if (dynamo.onDemand()) {
                props.put("BillingMode", "PAY_PER_REQUEST");
                props.put("WriteOnDemandThroughputSettings", Map.of("MaxWriteRequestUnits", dynamo.maxWriteRequestUnitsPerSecond()));
                replica.put("ReadOnDemandThroughputSettings", Map.of("MaxReadRequestUnits", dynamo.maxReadRequestUnitsPerSecond()));
            } else {
                props.put("BillingMode", "PROVISIONED");
                props.put("WriteProvisionedThroughputSettings", Map.of("WriteCapacityAutoScalingSettings", Map.of(
                        "MinCapacity", dynamo.provisioned().write().min(),
                        "MaxCapacity", dynamo.provisioned().write().max(),
                        "TargetTrackingScalingPolicyConfiguration", Map.of("TargetValue", dynamo.provisioned().write().targetUtilizationPercent()))));
                replica.put("ReadProvisionedThroughputSettings", Map.of("ReadCapacityAutoScalingSettings", Map.of(
                        "MinCapacity", dynamo.provisioned().read().min(),
                        "MaxCapacity", dynamo.provisioned().read().max(),
                        "TargetTrackingScalingPolicyConfiguration", Map.of("TargetValue", dynamo.provisioned().read().targetUtilizationPercent()))));
            }
            props.put("Replicas", List.of(Match.objectLike(replica)));
            table.ttlAttribute().ifPresent(ttl -> props.put("TimeToLiveSpecification", Map.of("AttributeName", ttl, "Enabled", true)));
            s.template().hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(props));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void provisionedConcurrencyAutoScalesOnlyWhereTheStageAsksForIt(String stage) {
        Synthesised s = stages.get(stage);
        var pc = s.config().function("redirect").provisionedConcurrency();
        if (pc == null) {
            s.template().resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 0);
            return;
        }
        s.template().hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live", "ProvisionedConcurrencyConfig", Map.of("ProvisionedConcurrentExecutions", pc.min())));
        s.template().hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", pc.min(), "MaxCapacity", pc.max(),
                "ScalableDimension", "lambda:function:ProvisionedConcurrency"));
        s.template().hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Map.of(
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "LambdaProvisionedConcurrencyUtilization"),
                        "TargetValue", pc.targetUtilization())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theMonthlyBudgetWarnsOnForecastAndAlertsOnActualSpend(String stage) {
        Synthesised s = stages.get(stage);
        List<Object> subscribers = new ArrayList<>();
        s.config().budget().alertEmails().forEach(e -> subscribers.add(Map.of("SubscriptionType", "EMAIL", "Address", e)));
        s.template().hasResourceProperties("AWS::Budgets::Budget", Map.of(
                "Budget", Match.objectLike(Map.of(
                        "BudgetType", "COST", "TimeUnit", "MONTHLY",
                        "BudgetLimit", Map.of("Amount", s.config().budget().monthlyLimitUsd(), "Unit", "USD"),
                        "CostFilters", Map.of("TagKeyValue", List.of("user:shortstack:stage$" + stage)))),
                "NotificationsWithSubscribers", List.of(
                        Map.of("Notification", Map.of("NotificationType", "FORECASTED", "ComparisonOperator", "GREATER_THAN",
                                "Threshold", 80, "ThresholdType", "PERCENTAGE"), "Subscribers", subscribers),
                        Map.of("Notification", Map.of("NotificationType", "ACTUAL", "ComparisonOperator", "GREATER_THAN",
                                "Threshold", 100, "ThresholdType", "PERCENTAGE"), "Subscribers", subscribers))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void alarmsThatNeedActionNotifyTheOnCallTopic(String stage) {
        Synthesised s = stages.get(stage);
        Map<String, Map<String, Object>> alarms = s.template().findResources("AWS::CloudWatch::Alarm");
        // Exactly these alarms, each with its exact metric, threshold and datapoints (of 5 one-minute periods): one
        // more, one fewer or one changed fails, named.
        Map<String, List<Object>> expected = new TreeMap<>();
        expected.put("RedirectLatencyP99", List.of("Duration", s.config().alarms().redirectP99Millis(), 3));
        expected.put("ApiServerErrors", List.of("5xx", 5, 1));
        for (String function : List.of("LinksApi", "Redirect", "StatsApi", "Aggregator", "Compactor", "JobsWorker",
                "WebhookFanout", "WebhookDeliverer", "ClickReplay")) {
            expected.put(function + "Errors", List.of("Errors", 1, 1));
            expected.put(function + "Throttles", List.of("Throttles", 1, 1));
        }
        expected.put("ClickReplays", List.of("ClickReplayLogged", 1, 1));
        expected.put("ClickReplayFailures", List.of("ApproximateNumberOfMessagesVisible", 1, 1));
        for (QueueDefinition queue : ShortstackResources.QUEUES) {
            expected.put("Dlq" + queue.logicalName(), List.of("ApproximateNumberOfMessagesVisible", 1, 1));
            expected.put("QueueAge" + queue.logicalName(), List.of("ApproximateAgeOfOldestMessage", s.config().alarms().queueAgeSeconds(), 3));
        }
        for (TableDefinition table : ShortstackResources.TABLES) {
            expected.put("Throttled" + table.logicalName() + "Reads", List.of("ReadThrottleEvents", 1, 2));
            expected.put("Throttled" + table.logicalName() + "Writes", List.of("WriteThrottleEvents", 1, 2));
        }
        Map<String, List<Object>> actual = new TreeMap<>();
        alarms.forEach((logicalId, alarm) -> {
            Map<?, ?> properties = (Map<?, ?>) alarm.get("Properties");
            assertThat(properties.get("EvaluationPeriods")).as(logicalId).isEqualTo(5);
            String id = expected.keySet().stream()
                    .filter(name -> logicalId.matches("Monitoring" + name.replaceAll("[^A-Za-z0-9]", "") + "[0-9A-F]{8}"))
                    .findFirst().orElse(logicalId + " (not expected)");
            actual.put(id, List.of(properties.get("MetricName"), ((Number) properties.get("Threshold")).intValue(),
                    properties.get("DatapointsToAlarm")));
        });
        assertThat(actual).as("every alarm: metric, threshold, datapoints").isEqualTo(expected);
        alarms.values().forEach(alarm -> assertThat(((Map<?, ?>) alarm.get("Properties")).get("AlarmActions")).asList().hasSize(1));
        s.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Duration", "ExtendedStatistic", "p99", "Threshold", s.config().alarms().redirectP99Millis()));
        s.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 1,
                "AlarmDescription", Match.stringLikeRegexp(".*dead-letter.*")));
        s.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateAgeOfOldestMessage", "Threshold", s.config().alarms().queueAgeSeconds()));
        s.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Queuescompactionsdlq.*"), "QueueName"))))));
        for (String function : List.of("LinksApi", "Redirect", "StatsApi", "Aggregator", "Compactor", "JobsWorker",
                "WebhookFanout", "WebhookDeliverer")) {
            for (String metric : List.of("Errors", "Throttles")) {
                s.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                        "MetricName", metric,
                        "Dimensions", List.of(Map.of("Name", "FunctionName",
                                "Value", Map.of("Ref", Match.stringLikeRegexp(function + "Function.*"))))));
            }
        }
        s.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "WriteThrottleEvents"));
        s.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Throttles"));
        s.template().hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        s.template().resourceCountIs("AWS::SNS::Subscription", s.config().alarmEmails().size());
        s.template().resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyQueueHasAnEncryptedDeadLetterQueueAndEnoughReceives(String stage) {
        Synthesised s = stages.get(stage);
        Map<String, Map<String, Object>> queues = s.template().findResources("AWS::SQS::Queue");
        // Each queue and its DLQ, and the click-replay function's failure destination (a DLQ of invocations).
        assertThat(queues).hasSize(2 * ShortstackResources.QUEUES.size() + 1);
        s.template().hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", ShortstackResources.physicalName(stage, "click-replay-failures"),
                "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600));
        for (var definition : ShortstackResources.QUEUES) {
            s.template().hasResourceProperties("AWS::SQS::Queue", Map.of(
                    "QueueName", ShortstackResources.physicalName(stage, definition.logicalName()),
                    "SqsManagedSseEnabled", true,
                    "VisibilityTimeout", definition.visibilityTimeoutSeconds(),
                    "RedrivePolicy", Map.of("deadLetterTargetArn", Match.anyValue(), "maxReceiveCount", definition.maxReceiveCount())));
            s.template().hasResourceProperties("AWS::SQS::Queue", Map.of(
                    "QueueName", ShortstackResources.physicalName(stage, definition.deadLetterLogicalName()),
                    "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600));
            assertThat(definition.maxReceiveCount()).isGreaterThanOrEqualTo(5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRedirectCanReadLinksButNeverWriteThemAndTheApiCannotSendClicks(String stage) {
        Template template = stages.get(stage).template();
        Map<String, List<String>> redirect = IamActions.byResource(template, "Redirect");
        Map<String, List<String>> linksApi = IamActions.byResource(template, "LinksApi");

        assertThat(redirect.get("links")).containsExactly("dynamodb:GetItem");
        assertThat(redirect.get("visits")).containsExactly("dynamodb:UpdateItem");
        assertThat(redirect.get("clicks")).containsExactlyInAnyOrder("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
        assertThat(redirect).doesNotContainKey("api-keys");
        assertThat(redirect.get("visitor-hash-key")).containsExactly("secretsmanager:GetSecretValue");
        assertThat(linksApi.get("links")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query");
        assertThat(linksApi.get("visits")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:DeleteItem");
        assertThat(linksApi).doesNotContainKey("clicks");
        assertThat(linksApi).as("statistics moved to the stats API").doesNotContainKeys("stats", "compactions", "click-archive");
        assertThat(IamActions.all(template)).noneMatch(action -> action.contains("*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void cloudFrontSendsTheOriginSecretAndOnlyTheHttpFunctionsMayReadItToRefuseRequestsMadeAroundIt(String stage) {
        Template template = stages.get(stage).template();
        String origins = String.valueOf(template.findResources("AWS::CloudFront::Distribution").values().iterator().next());
        assertThat(origins).as("the API origin's custom header is the secret, resolved by CloudFormation")
                .contains("OriginCustomHeaders").contains(OriginVerifier.HEADER).contains("resolve:secretsmanager").contains("OriginVerifySecret");
        for (String function : List.of("LinksApi", "Redirect", "StatsApi")) {
            assertThat(IamActions.byResource(template, function).get("origin-secret")).as(function)
                    .containsExactly("secretsmanager:GetSecretValue");
            String configuration = template.findResources("AWS::Lambda::Function").entrySet().stream()
                    .filter(e -> e.getKey().startsWith(function)).map(e -> String.valueOf(e.getValue().get("Properties")))
                    .findFirst().orElseThrow();
            assertThat(configuration).as(function).contains(EnvNames.ORIGIN_VERIFY_SECRET_ARN).doesNotContain("resolve:secretsmanager");
        }
        for (String function : List.of("Aggregator", "Compactor", "JobsWorker")) {
            assertThat(IamActions.byResource(template, function)).as(function).doesNotContainKey("origin-secret");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theVisitorHashKeyIsInNoFunctionsConfigurationAndOnlyTheRedirectMayReadIt(String stage) {
        Template template = stages.get(stage).template();
        template.findResources("AWS::Lambda::Function").forEach((id, function) -> {
            String configuration = String.valueOf(function.get("Properties"));
            assertThat(configuration).as(id).doesNotContain("resolve:secretsmanager").doesNotContain(EnvNames.CLICK_IP_HASH_KEY);
        });
        String redirectEnv = template.findResources("AWS::Lambda::Function").entrySet().stream()
                .filter(e -> e.getKey().startsWith("Redirect")).map(e -> String.valueOf(e.getValue().get("Properties")))
                .findFirst().orElseThrow();
        assertThat(redirectEnv).contains(EnvNames.CLICK_IP_HASH_SECRET_ARN).contains("VisitorHashKey");
        for (String function : List.of("LinksApi", "StatsApi", "Aggregator", "Compactor", "JobsWorker")) {
            assertThat(IamActions.byResource(template, function)).as(function).doesNotContainKey("visitor-hash-key");
        }
        assertThat(IamActions.byResource(template, "Redirect").get("visitor-hash-key")).containsExactly("secretsmanager:GetSecretValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theAggregatorOnlyWritesRawObjectsAndNotesLateOnesInTheCatalog(String stage) {
        Template template = stages.get(stage).template();
        Map<String, List<String>> aggregator = IamActions.byResource(template, "Aggregator");

        assertThat(aggregator.get("stats")).containsExactly("dynamodb:UpdateItem");
        assertThat(IamActions.onObjects(template, "Aggregator", ARCHIVE)).isEqualTo(Map.of(
                "clicks/*", Set.of("s3:PutObject")));
        assertThat(IamActions.listablePrefixes(template, "Aggregator", ARCHIVE)).isEmpty();
        assertThat(aggregator).doesNotContainKeys("links", "api-keys", "visits", "jobs", "compactions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCompactorRewritesCompactedFilesAndQuarantinesButNeverWritesRawClicks(String stage) {
        Template template = stages.get(stage).template();
        Map<String, List<String>> compactor = IamActions.byResource(template, "Compactor");

        assertThat(compactor.get("stats")).containsExactlyInAnyOrder(
                "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
        assertThat(IamActions.onObjects(template, "Compactor", ARCHIVE)).isEqualTo(Map.of(
                "clicks/*", Set.of("s3:GetObject", "s3:DeleteObject"),
                "compacted/*", Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                "quarantine/*", Set.of("s3:PutObject")));
        assertThat(IamActions.listablePrefixes(template, "Compactor", ARCHIVE)).containsExactlyInAnyOrder("clicks/*", "compacted/*");
        assertThat(compactor.get("compactions")).contains("sqs:ReceiveMessage", "sqs:DeleteMessage").doesNotContain("sqs:SendMessage");
        assertThat(compactor).doesNotContainKeys("links", "api-keys", "visits", "jobs", "clicks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theStatsApiReadsClicksAndStartsCompactionsButCannotChangeTheArchive(String stage) {
        Template template = stages.get(stage).template();
        Map<String, List<String>> statsApi = IamActions.byResource(template, "StatsApi");

        assertThat(statsApi.get("api-keys")).containsExactly("dynamodb:GetItem", "dynamodb:UpdateItem");
        assertThat(statsApi.get("links")).containsExactly("dynamodb:GetItem");
        assertThat(statsApi.get("stats")).containsExactlyInAnyOrder(
                "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(statsApi.get("compactions")).contains("sqs:SendMessage").doesNotContain("sqs:ReceiveMessage");
        assertThat(IamActions.onObjects(template, "StatsApi", ARCHIVE)).isEqualTo(Map.of(
                "clicks/*", Set.of("s3:GetObject"),
                "compacted/*", Set.of("s3:GetObject")));
        assertThat(IamActions.listablePrefixes(template, "StatsApi", ARCHIVE)).containsExactly("clicks/*");
        assertThat(IamActions.allOf(template, "StatsApi")).doesNotContain("s3:PutObject", "s3:DeleteObject");
        assertThat(statsApi).doesNotContainKeys("visits", "jobs", "clicks", "job-files");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void batchJobsHaveExactlyTheRightsTheirStepsNeed(String stage) {
        Template template = stages.get(stage).template();
        Map<String, List<String>> worker = IamActions.byResource(template, "JobsWorker");
        Map<String, List<String>> linksApi = IamActions.byResource(template, "LinksApi");

        assertThat(worker.get("links")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");
        assertThat(worker.get("jobs")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(worker.get("job-files")).containsExactlyInAnyOrder(
                "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListBucket");
        assertThat(worker.get("jobs-queue")).contains("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage");
        assertThat(worker.get("stats")).containsExactly("dynamodb:Query");
        assertThat(IamActions.onObjects(template, "JobsWorker", ARCHIVE)).isEqualTo(Map.of(
                "clicks/*", Set.of("s3:GetObject"),
                "compacted/*", Set.of("s3:GetObject")));
        assertThat(IamActions.listablePrefixes(template, "JobsWorker", ARCHIVE)).containsExactly("clicks/*");
        assertThat(worker).doesNotContainKeys("api-keys", "visits", "clicks");
        assertThat(linksApi.get("jobs")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
        assertThat(linksApi.get("job-files")).containsExactlyInAnyOrder("s3:PutObject", "s3:GetObject");
        assertThat(linksApi.get("jobs-queue")).contains("sqs:SendMessage").doesNotContain("sqs:ReceiveMessage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void webhooksHaveExactlyTheRightsEachStepNeedsAndTheDelivererReachesNothingElse(String stage) {
        Synthesised s = stages.get(stage);
        Template template = s.template();
        Map<String, List<String>> fanOut = IamActions.byResource(template, "WebhookFanout");
        Map<String, List<String>> deliverer = IamActions.byResource(template, "WebhookDeliverer");
        Map<String, List<String>> linksApi = IamActions.byResource(template, "LinksApi");
        List<String> sendOnly = List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");

        assertThat(fanOut.get("webhooks")).containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem");
        assertThat(fanOut.get("webhook-deliveries")).containsExactlyInAnyOrderElementsOf(sendOnly);
        assertThat(fanOut.get("webhook-events")).contains("sqs:ReceiveMessage", "sqs:DeleteMessage");
        assertThat(fanOut.keySet()).containsExactlyInAnyOrder("logs", "webhooks", "webhook-deliveries", "webhook-events");
        // The deliverer posts to the outside world: it holds its endpoint and delivery items and its own queue, nothing else.
        assertThat(deliverer.get("webhooks")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:UpdateItem");
        assertThat(deliverer.get("webhook-deliveries")).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
        assertThat(deliverer.keySet()).containsExactlyInAnyOrder("logs", "webhooks", "webhook-deliveries");
        assertThat(linksApi.get("webhooks")).containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem",
                "dynamodb:DeleteItem");
        assertThat(linksApi.get("webhook-deliveries")).containsExactlyInAnyOrderElementsOf(sendOnly);
        for (String producer : List.of("LinksApi", "Aggregator", "JobsWorker")) {
            assertThat(IamActions.byResource(template, producer).get("webhook-events")).as(producer)
                    .containsExactlyInAnyOrderElementsOf(sendOnly);
        }
        for (String producer : List.of("Aggregator", "JobsWorker")) {
            assertThat(IamActions.byResource(template, producer).get("webhooks")).as(producer).containsExactly("dynamodb:Query");
        }
        assertThat(IamActions.byResource(template, "Redirect")).doesNotContainKeys("webhooks", "webhook-events", "webhook-deliveries");

        for (String function : List.of("webhook-fanout", "webhook-deliverer")) {
            QueueDefinition queue = function.equals("webhook-fanout") ? ShortstackResources.WEBHOOK_EVENTS : ShortstackResources.WEBHOOK_DELIVERIES;
            template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                    "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Queues" + queue.logicalName().replace("-", "")
                            + "(?!dlq).*"), "Arn")),
                    "BatchSize", queue.batchSize(),
                    "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                    "ScalingConfig", Map.of("MaximumConcurrency", s.config().function(function).queueMaxConcurrency())));
            assertThat(queue.visibilityTimeoutSeconds()).as(function)
                    .isGreaterThanOrEqualTo(6 * s.config().function(function).timeoutSeconds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void theDashboardAloneCarriesAStrictContentSecurityPolicyThatAllowsItsUploadBucket(String stage) throws Exception {
        Template template = stages.get(stage).template();
        Map<String, Map<String, Object>> policies = template.findResources("AWS::CloudFront::ResponseHeadersPolicy");
        String dashboardPolicy = policies.keySet().stream().filter(id -> id.startsWith("CdnDashboardHeaders")).findFirst().orElseThrow();
        String csp = Json.mapper().writeValueAsString(((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) policies
                .get(dashboardPolicy).get("Properties")).get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"))
                .get("ContentSecurityPolicy"));
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "default-src 'none'", "connect-src 'self' https://", "Bucketsjobfiles").doesNotContain("unsafe-");
        Map<String, Object> distribution = (Map<String, Object>) template.findResources("AWS::CloudFront::Distribution")
                .values().iterator().next().get("Properties");
        List<Map<String, Object>> behaviours = (List<Map<String, Object>>) ((Map<String, Object>) distribution
                .get("DistributionConfig")).get("CacheBehaviors");
        for (Map<String, Object> behaviour : behaviours) {
            String policy = Json.mapper().writeValueAsString(behaviour.get("ResponseHeadersPolicyId"));
            assertThat(policy.contains(dashboardPolicy)).as(behaviour.get("PathPattern").toString())
                    .isEqualTo(behaviour.get("PathPattern").equals("/app/*"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void theApiFunctionsGetTheStagesAbuseLimitsAndTheViewersAddressFromCloudFront(String stage) throws Exception {
        Synthesised s = stages.get(stage);
        for (String function : List.of("links-api", "stats-api")) {
            s.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "shortstack-" + stage + "-" + function,
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            EnvNames.API_KEY_REQUESTS_PER_SECOND, Integer.toString(s.config().api().keyRequestsPerSecond()),
                            EnvNames.API_AUTH_FAILURES_PER_MINUTE, Integer.toString(s.config().api().authFailuresPerMinute()))))));
        }
        s.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "shortstack-" + stage + "-links-api",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        EnvNames.AUDIT_RETENTION_DAYS, Integer.toString(s.config().api().auditRetentionDays()))))));
        String viewerAddress = s.template().findResources("AWS::CloudFront::Function").entrySet().stream()
                .filter(f -> Json.mapper().valueToTree(f.getValue()).toString().contains("event.viewer.ip"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Map<String, Object> distribution = (Map<String, Object>) s.template().findResources("AWS::CloudFront::Distribution")
                .values().iterator().next().get("Properties");
        List<Map<String, Object>> behaviours = (List<Map<String, Object>>) ((Map<String, Object>) distribution
                .get("DistributionConfig")).get("CacheBehaviors");
        for (Map<String, Object> behaviour : behaviours) {
            boolean api = ApiRoutes.prefixes().stream().anyMatch(prefix -> behaviour.get("PathPattern").equals(prefix + "/*"));
            assertThat(Json.mapper().writeValueAsString(behaviour.get("FunctionAssociations")).contains(viewerAddress))
                    .as("%s writes the viewer's address", behaviour.get("PathPattern")).isEqualTo(api);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void anUploadedImportFileNotifiesTheJobsQueueAndJobFilesExpire(String stage) {
        Synthesised s = stages.get(stage);
        s.template().hasResourceProperties("Custom::S3BucketNotifications", Map.of("NotificationConfiguration", Map.of(
                "QueueConfigurations", List.of(Match.objectLike(Map.of(
                        "Events", List.of("s3:ObjectCreated:*"),
                        "QueueArn", Map.of("Fn::GetAtt", Match.arrayWith(List.of(Match.stringLikeRegexp("Queuesjobs(?!dlq).*")))),
                        "Filter", Map.of("Key", Map.of("FilterRules", Match.arrayWith(List.of(
                                Map.of("Name", "suffix", "Value", ShortstackResources.IMPORT_UPLOAD_SUFFIX),
                                Map.of("Name", "prefix", "Value", ShortstackResources.IMPORT_UPLOAD_PREFIX)))))))))));
        s.template().hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", s.config().jobFiles().expireAfterDays(),
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1))))),
                "CorsConfiguration", Map.of("CorsRules", List.of(Match.objectLike(Map.of(
                        "AllowedMethods", List.of("PUT", "GET")))))));
        s.template().hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", Match.arrayWith(List.of(Match.stringLikeRegexp("Queuesjobs(?!dlq).*")))),
                "BatchSize", ShortstackResources.JOBS_WORK.batchSize(),
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "ScalingConfig", Map.of("MaximumConcurrency", s.config().function("jobs-worker").queueMaxConcurrency())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDashboardIsDeployedUnderAppWithLongCachesForHashedFilesAndNoneForItsIndex(String stage) {
        Template template = stages.get(stage).template();
        template.resourceCountIs("Custom::CDKBucketDeployment", 2);
        template.hasResourceProperties("Custom::CDKBucketDeployment", Map.of(
                "DestinationBucketKeyPrefix", Dashboard.KEY_PREFIX,
                "SystemMetadata", Map.of("cache-control", Dashboard.HASHED_CACHE),
                "Prune", false));
        template.hasResourceProperties("Custom::CDKBucketDeployment", Map.of(
                "DestinationBucketKeyPrefix", Dashboard.KEY_PREFIX,
                "SystemMetadata", Map.of("cache-control", Dashboard.INDEX_CACHE),
                "DistributionPaths", List.of("/app/", "/app/index.html")));
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "CacheBehaviors", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "PathPattern", "/app/*",
                        "FunctionAssociations", List.of(Match.objectLike(Map.of("EventType", "viewer-request")))))))))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void queueTriggersUsePartialBatchResponsesWithTheConfiguredConcurrency(String stage) {
        Synthesised s = stages.get(stage);
        var clicks = ShortstackResources.CLICKS;
        s.template().hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", Match.arrayWith(List.of(Match.stringLikeRegexp("Queuesclicks.*")))),
                "BatchSize", clicks.batchSize(),
                "MaximumBatchingWindowInSeconds", clicks.maxBatchingWindowSeconds(),
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "ScalingConfig", Map.of("MaximumConcurrency", s.config().function("aggregator").queueMaxConcurrency())));
        Map<String, Map<String, Object>> compactionTriggers = s.template().findResources("AWS::Lambda::EventSourceMapping",
                Map.of("Properties", Map.of(
                        "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Queuescompactions(?!dlq).*"), "Arn")),
                        "BatchSize", 1,
                        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                        "ScalingConfig", Map.of("MaximumConcurrency", s.config().function("compactor").queueMaxConcurrency()))));
        assertThat(compactionTriggers.keySet()).as("the compactor's alias, alone, consumes compactions")
                .singleElement().asString().startsWith("CompactorLive");
        assertThat(clicks.visibilityTimeoutSeconds()).isGreaterThanOrEqualTo(6 * s.config().function("aggregator").timeoutSeconds());
        assertThat(ShortstackResources.COMPACTIONS.visibilityTimeoutSeconds())
                .isGreaterThanOrEqualTo(6 * s.config().function("compactor").timeoutSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyHourTheScheduleAsksTheCompactorForEverythingDue(String stage) throws Exception {
        Synthesised s = stages.get(stage);
        assertThat(s.config().compactionScheduleUtc()).as("a fixed minute of every hour").matches("\\d{1,2} \\* \\* \\* \\? \\*");
        s.template().resourceCountIs("AWS::Events::Rule", 1);
        s.template().hasResourceProperties("AWS::Events::Rule", Map.of(
                "ScheduleExpression", "cron(" + s.config().compactionScheduleUtc() + ")",
                "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Queuescompactions(?!dlq).*"), "Arn")),
                        "Input", "{\"due\":true}")))));
        // The compactor reads the message as the shared contract says.
        CompactionRequest request = new ObjectMapper().readValue(scheduleInput(s.template()), CompactionRequest.class);
        assertThat(request.compactsDueDays()).isTrue();
        assertThat(request.day()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void bucketsAreEncryptedPrivateTlsOnlyAndTheArchiveAgesIntoColdStorage(String stage) {
        Synthesised s = stages.get(stage);
        s.template().allResourcesProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketEncryption", Match.anyValue(),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true))));
        s.template().allResourcesProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        s.template().hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                "ExpirationInDays", s.config().clickArchive().expireAfterDays(),
                "Transitions", List.of(Map.of("StorageClass", "GLACIER_IR",
                        "TransitionInDays", s.config().clickArchive().coldStorageAfterDays()))))))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void athenaProjectsTheCompactedFilesPartitionsByDayAndWorkspaceWithoutACrawler(String stage) {
        Template template = stages.get(stage).template();
        Map<String, Object> archive = Map.of("Ref", Match.stringLikeRegexp(ARCHIVE + ".*"));
        template.hasResourceProperties("AWS::Glue::Database", Map.of("DatabaseInput", Map.of("Name", "shortstack_" + stage)));
        template.hasResourceProperties("AWS::Glue::Table", Map.of(
                "DatabaseName", "shortstack_" + stage,
                "TableInput", Map.of(
                        "Name", "clicks",
                        "TableType", "EXTERNAL_TABLE",
                        "PartitionKeys", List.of(
                                Map.of("Name", "dt", "Type", "date"),
                                Map.of("Name", "ws", "Type", "string")),
                        "Parameters", Map.of(
                                "projection.enabled", "true",
                                "projection.dt.type", "date",
                                "projection.dt.format", "yyyy-MM-dd",
                                "projection.dt.range", Match.stringLikeRegexp("\\d{4}-\\d{2}-\\d{2},NOW"),
                                "projection.ws.type", "injected",
                                "storage.location.template", Map.of("Fn::Join", List.of("", List.of(
                                        "s3://", archive, "/compacted/dt=${dt}/ws=${ws}/")))),
                        "StorageDescriptor", Map.of(
                                "Location", Map.of("Fn::Join", List.of("", List.of("s3://", archive, "/compacted/"))),
                                "SerdeInfo", Map.of("SerializationLibrary", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"),
                                "InputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"))));
        // Projected locations must be the folders the compactor writes (ArchiveLayout).
        String keysTemplate = locationTemplateKeys(template);
        assertThat(keysTemplate.replace("${dt}", "2024-03-05").replace("${ws}", "w1"))
                .isEqualTo(ArchiveLayout.compactedWorkspacePrefix(LocalDate.of(2024, 3, 5), "w1"));
        assertThat(glueColumns(template)).containsExactlyInAnyOrder(
                "click_id binary", "link_id string", "slug string", "ts timestamp", "method string", "status int",
                "bot boolean", "bot_name string", "country string", "referrer_host string", "device string", "os string",
                "browser string", "language string", "visitor_hash binary", "user_agent string", "referrer string",
                "accept_language string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAthenaQueryIsCappedByTheWorkgroupAndItsResultsExpire(String stage) {
        Synthesised s = stages.get(stage);
        Map<String, Object> results = Map.of("Ref", Match.stringLikeRegexp("Bucketsathenaresults.*"));
        s.template().hasResourceProperties("AWS::Athena::WorkGroup", Map.of(
                "Name", "shortstack-" + stage,
                "WorkGroupConfiguration", Map.of(
                        "BytesScannedCutoffPerQuery", s.config().athena().bytesScannedCutoffPerQuery(),
                        "EnforceWorkGroupConfiguration", true,
                        "EngineVersion", Map.of("SelectedEngineVersion", "AUTO"),
                        "ResultConfiguration", Map.of(
                                "OutputLocation", Map.of("Fn::Join", List.of("", List.of("s3://", results, "/"))),
                                "EncryptionConfiguration", Map.of("EncryptionOption", "SSE_S3")))));
        assertThat(s.config().athena().bytesScannedCutoffPerQuery()).isGreaterThanOrEqualTo(10_000_000L);
        s.template().hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", s.config().athena().resultsExpireAfterDays())))),
                "LoggingConfiguration", Map.of(
                        "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("BucketsAccessLogs.*")),
                        "LogFilePrefix", "athena-results/")));
        s.template().hasOutput("AthenaWorkGroup", Map.of("Value", Map.of("Ref", Match.stringLikeRegexp("AthenaWorkGroup.*"))));
        s.template().hasOutput("AthenaDatabase", Map.of("Value", "shortstack_" + stage));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void cloudFrontServesRedirectsByTheirCacheControlAndNeverCachesTheApi(String stage) {
        Synthesised s = stages.get(stage);
        s.template().hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "HttpVersion", "http2and3",
                "PriceClass", s.config().cdn().priceClass(),
                "Logging", Match.objectLike(Map.of("Bucket", Match.anyValue())),
                "CacheBehaviors", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "PathPattern", "/rest/*",
                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                        "AllowedMethods", Match.arrayWith(List.of("PATCH", "POST", "DELETE")))), Match.objectLike(Map.of(
                        "PathPattern", "/v1/*",
                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                        "AllowedMethods", Match.arrayWith(List.of("PATCH", "POST", "DELETE"))))))))));
        s.template().hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
                "DefaultTTL", 0, "MinTTL", 0, "MaxTTL", 31_536_000,
                // A cached permanent redirect of a link that forwards the query has one Location per query string.
                "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of(
                        "QueryStringsConfig", Map.of("QueryStringBehavior", "all")))))));
        s.template().hasResourceProperties("AWS::CloudFront::OriginRequestPolicy", Map.of("OriginRequestPolicyConfig", Match.objectLike(Map.of(
                "HeadersConfig", Map.of("HeaderBehavior", "whitelist", "Headers", Match.arrayWith(List.of("CloudFront-Viewer-Country"))),
                // Targeting rules read the visit's query (a rule on ?ref=...), so the redirect origin must receive it.
                "QueryStringsConfig", Map.of("QueryStringBehavior", "all")))));
        s.template().resourceCountIs("AWS::CloudFront::OriginAccessControl", 2);
        s.template().hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Map.of("ResponseHeadersPolicyConfig", Match.objectLike(Map.of(
                "SecurityHeadersConfig", Match.objectLike(Map.of("StrictTransportSecurity", Match.objectLike(Map.of("Preload", true))))))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void cdkNagFindsNoUnsuppressedErrorAndEverySuppressionHasAReason(String stage) {
        Synthesised s = stages.get(stage);
        var errors = Annotations.fromStack(s.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(errors).as("cdk-nag errors").extracting(e -> e.getId() + ": " + e.getEntry().getData()).isEmpty();
        List<Map<String, Object>> suppressions = NagMetadata.suppressions(s.template());
        assertThat(suppressions).isNotEmpty().allSatisfy(suppression ->
                assertThat((String) suppression.get("reason")).hasSizeGreaterThan(60));
        // Wildcard and managed-policy findings are suppressed one by one, never wholesale.
        assertThat(suppressions).filteredOn(suppression -> List.of("AwsSolutions-IAM5", "AwsSolutions-IAM4").contains(suppression.get("id")))
                .isNotEmpty().allSatisfy(suppression -> assertThat((List<?>) suppression.get("applies_to")).isNotEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> propertiesOfOne(Template template, String type, Map<String, Object> pattern) {
        Map<String, Map<String, Object>> found = template.findResources(type, Map.of("Properties", pattern));
        assertThat(found).as(type + " " + pattern).hasSize(1);
        return (Map<String, Object>) found.values().iterator().next().get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(Template template, String functionName) {
        Map<String, Object> function = propertiesOfOne(template, "AWS::Lambda::Function", Map.of("FunctionName", functionName));
        return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
    }

    /** The key part of the click table's storage.location.template: s3://bucket/<this>. */
    @SuppressWarnings("unchecked")
    private static String locationTemplateKeys(Template template) {
        Map<String, Object> table = (Map<String, Object>) propertiesOfOne(template, "AWS::Glue::Table", Map.of()).get("TableInput");
        Map<String, Object> join = (Map<String, Object>) ((Map<String, Object>) table.get("Parameters")).get("storage.location.template");
        List<Object> parts = (List<Object>) ((List<Object>) join.get("Fn::Join")).get(1);
        return ((String) parts.get(parts.size() - 1)).substring(1);
    }

    @SuppressWarnings("unchecked")
    private static String scheduleInput(Template template) {
        Map<String, Object> rule = propertiesOfOne(template, "AWS::Events::Rule", Map.of());
        return (String) ((List<Map<String, Object>>) rule.get("Targets")).get(0).get("Input");
    }

    /** The click table's columns as "name type". */
    @SuppressWarnings("unchecked")
    private static List<String> glueColumns(Template template) {
        Map<String, Object> table = propertiesOfOne(template, "AWS::Glue::Table", Map.of());
        Map<String, Object> storage = (Map<String, Object>) ((Map<String, Object>) table.get("TableInput")).get("StorageDescriptor");
        return ((List<Map<String, Object>>) storage.get("Columns")).stream()
                .map(column -> column.get("Name") + " " + column.get("Type")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
