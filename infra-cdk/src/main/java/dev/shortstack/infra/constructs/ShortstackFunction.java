package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.LogRetention;
import dev.shortstack.infra.config.StageConfig.FunctionConfig;
import dev.shortstack.infra.config.StageConfig.ProvisionedConcurrency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.AutoScalingOptions;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.UtilizationScalingOptions;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import dev.shortstack.shared.infra.QueueDefinition;
import software.constructs.Construct;

/**
 * One Shortstack Lambda function, the same way every time: Java 21 on arm64, its own log group
 * with retention, its own role with nothing but log writing until granted more, reserved
 * concurrency, the configured /tmp size, a published version behind the {@code live} alias
 * (SnapStart on it, or provisioned concurrency with target-tracking auto scaling), and the
 * environment every function shares.
 */
public final class ShortstackFunction extends Construct {
    public static final String ALIAS = "live";
    /** What Lambda's Java runtime recommends for short-lived functions: C1 only, faster start. */
    static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Function function;
    private final Alias alias;

    /**
     * @param module  the Maven module under functions/ whose {@code *-lambda.jar} is deployed
     * @param handler the handler class
     * @param name    the function's name within the stage (one module may hold several functions)
     */
    public ShortstackFunction(Construct scope, String id, String stage, String module, String handler,
                              FunctionConfig config, int logRetentionDays, Map<String, String> environment, String name) {
        super(scope, id);
        String fullName = "shortstack-" + stage + "-" + name;
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + fullName)
                .retention(LogRetention.of(logRetentionDays))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + fullName + "; holds only what the stack grants it")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(java.util.List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(java.util.List.of(logs.getLogGroupArn() + ":*"))
                .build());

        Map<String, String> env = new HashMap<>(environment);
        env.put("POWERTOOLS_SERVICE_NAME", name);
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Shortstack");
        env.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);

        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(fullName)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler + "::handleRequest")
                .code(Code.fromAsset(lambdaJar(module).toString()))
                .memorySize(config.memoryMb())
                .timeout(Duration.seconds(config.timeoutSeconds()))
                .reservedConcurrentExecutions(config.reservedConcurrency())
                .environment(env)
                .role(role)
                .logGroup(logs);
        if (config.ephemeralStorageMb() != null) {
            builder.ephemeralStorageSize(Size.mebibytes(config.ephemeralStorageMb()));
        }
        if (config.snapStart()) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        this.function = builder.build();
        if (config.snapStart()) {
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "Every invocation goes through the live alias on a published version");
        }

        ProvisionedConcurrency provisioned = config.provisionedConcurrency();
        Alias.Builder aliasBuilder = Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion());
        if (provisioned != null) {
            aliasBuilder.provisionedConcurrentExecutions(provisioned.min());
        }
        this.alias = aliasBuilder.build();
        if (provisioned != null) {
            alias.addAutoScaling(AutoScalingOptions.builder()
                            .minCapacity(provisioned.min())
                            .maxCapacity(provisioned.max())
                            .build())
                    .scaleOnUtilization(UtilizationScalingOptions.builder()
                            .utilizationTarget(provisioned.targetUtilization())
                            .build());
        }
    }

    /**
     * Triggers the function's live alias from a queue of the shared definitions, with partial batch
     * responses. Refuses a queue whose visibility timeout is under six times the function's timeout
     * (AWS's advice, so a batch is not delivered again while still being processed).
     */
    public void addQueueTrigger(Queue queue, QueueDefinition definition, FunctionConfig config) {
        if (definition.visibilityTimeoutSeconds() < 6 * config.timeoutSeconds()) {
            throw new IllegalArgumentException("Queue " + definition.logicalName() + ": visibility timeout "
                    + definition.visibilityTimeoutSeconds() + " s is under 6 x the " + config.timeoutSeconds() + " s function timeout");
        }
        if (config.queueMaxConcurrency() == null) {
            throw new IllegalArgumentException("A queue-triggered function needs queueMaxConcurrency in stages.json");
        }
        SqsEventSource.Builder source = SqsEventSource.Builder.create(queue)
                .batchSize(definition.batchSize())
                .maxConcurrency(config.queueMaxConcurrency())
                .reportBatchItemFailures(true);
        if (definition.maxBatchingWindowSeconds() > 0) {
            source.maxBatchingWindow(Duration.seconds(definition.maxBatchingWindowSeconds()));
        }
        alias.addEventSource(source.build());
    }

    public Function function() {
        return function;
    }

    /** What API routes and triggers invoke: the published version, never $LATEST. */
    public Alias alias() {
        return alias;
    }

    /** The function's deployable jar, built by `./mvnw package`. */
    static Path lambdaJar(String module) {
        Path target = Path.of("..", "functions", module, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("No Lambda jar in " + target.toAbsolutePath()
                    + ": build it first with ./mvnw -q -DskipTests package", e);
        }
    }
}
