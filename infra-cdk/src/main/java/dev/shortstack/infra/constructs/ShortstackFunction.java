package dev.shortstack.infra.constructs;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.shortstack.infra.config.LogRetention;
import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.infra.config.StageConfig.FunctionConfig;
import dev.shortstack.infra.config.StageConfig.ProvisionedConcurrency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
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
import software.amazon.awscdk.services.lambda.CapacityProvider;
import software.amazon.awscdk.services.lambda.CapacityProviderFunctionOptions;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.UtilizationScalingOptions;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import dev.shortstack.shared.infra.QueueDefinition;
import software.constructs.Construct;

/**
 * One Shortstack Lambda function, the same way every time: Java 21 on arm64, its own log group
 * with retention, its own role with nothing but log writing until granted more, reserved
 * concurrency, the configured /tmp size, a published version behind the {@code live} alias
 * (SnapStart on it, or provisioned concurrency with target-tracking auto scaling), and the
 * environment every function shares. With {@link Props#managedInstances()} it runs on a Lambda
 * Managed Instances capacity provider instead (many requests per environment, no SnapStart, no
 * provisioned concurrency).
 */
public final class ShortstackFunction extends Construct {
    private final LogGroup logs;
    public static final String ALIAS = "live";
    /** What Lambda's Java runtime recommends for short-lived functions: C1 only, faster start. */
    static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** The function's entry in stages.json. */
    private final FunctionConfig settings;
    private final Function function;
    private final Alias alias;

    /**
     * @param stage the stage's settings: its name, the function's entry under {@code functions} in
     *              stages.json (looked up by {@link Props#name()}) and the log retention
     */
    public ShortstackFunction(Construct scope, StageConfig stage, Props props) {
        super(scope, props.constructId());
        String name = props.name();
        this.settings = stage.function(name);
        OnManagedInstances managedInstances = props.managedInstances();
        if (managedInstances != null && (settings.snapStart() || settings.provisionedConcurrency() != null)) {
            throw new IllegalArgumentException("Function '" + name + "' runs on Lambda Managed Instances, which support neither "
                    + "SnapStart nor provisioned concurrency: turn both off in stages.json");
        }
        String fullName = "shortstack-" + stage.name() + "-" + name;
        this.logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + fullName)
                .retention(LogRetention.of(stage.logRetentionDays()))
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

        Map<String, String> env = new HashMap<>(props.environment());
        env.putAll(props.environmentFromSettings().apply(settings));
        env.put("POWERTOOLS_SERVICE_NAME", name);
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Shortstack");
        env.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);

        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(fullName)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(props.lambdaHandler())
                .code(Code.fromAsset(lambdaJar(props.module()).toString()))
                .memorySize(settings.memoryMb())
                .timeout(Duration.seconds(settings.timeoutSeconds()))
                .reservedConcurrentExecutions(settings.reservedConcurrency())
                .environment(env)
                .role(role)
                .logGroup(logs)
                // JSON is what the code writes already (Powertools, EMF: Lambda does not wrap JSON lines) and what
                // level filtering needs; lines without a level count as INFO, so the EMF lines pass.
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(props.platformLogLevel());
        if (settings.ephemeralStorageMb() != null) {
            builder.ephemeralStorageSize(Size.mebibytes(settings.ephemeralStorageMb()));
        }
        if (settings.snapStart()) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        this.function = builder.build();
        if (managedInstances != null) {
            managedInstances.capacityProvider().addFunction(function, managedInstances.options());
        }
        if (settings.snapStart()) {
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "Every invocation goes through the live alias on a published version");
        }

        ProvisionedConcurrency provisioned = settings.provisionedConcurrency();
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
    public void addQueueTrigger(Queue queue, QueueDefinition definition) {
        if (definition.visibilityTimeoutSeconds() < 6 * settings.timeoutSeconds()) {
            throw new IllegalArgumentException("Queue " + definition.logicalName() + ": visibility timeout "
                    + definition.visibilityTimeoutSeconds() + " s is under 6 x the " + settings.timeoutSeconds() + " s function timeout");
        }
        if (settings.queueMaxConcurrency() == null) {
            throw new IllegalArgumentException("A queue-triggered function needs queueMaxConcurrency in stages.json");
        }
        SqsEventSource.Builder source = SqsEventSource.Builder.create(queue)
                .batchSize(definition.batchSize())
                .maxConcurrency(settings.queueMaxConcurrency())
                .reportBatchItemFailures(true);
        if (definition.maxBatchingWindowSeconds() > 0) {
            source.maxBatchingWindow(Duration.seconds(definition.maxBatchingWindowSeconds()));
        }
        alias.addEventSource(source.build());
    }

    /** The function's log group (the redirect's carries the replay lines a subscription filter feeds back). */
    public LogGroup logGroup() {
        return logs;
    }

    public Function function() {
        return function;
    }

    /** What API routes and triggers invoke: the published version, never $LATEST. */
    public Alias alias() {
        return alias;
    }

    /**
     * A capacity provider of Lambda Managed Instances and how the function runs on it (requests per
     * environment, memory per vCPU, how many environments).
     */
    public record OnManagedInstances(CapacityProvider capacityProvider, CapacityProviderFunctionOptions options) {
        public OnManagedInstances {
            if (capacityProvider == null || options == null) {
                throw new IllegalArgumentException("OnManagedInstances needs a capacity provider and the function's options on it");
            }
        }
    }

    /**
     * What sets one function apart from the others; the construct derives the rest from these.
     *
     * @param name                    the function's key in stages.json, also its name within the stage
     *                                (one module may hold several functions) and, in PascalCase, its
     *                                construct id
     * @param module                  the Maven module under functions/ whose {@code *-lambda.jar} is deployed
     * @param handler                 the handler class, a class literal so that a renamed or moved handler
     *                                fails the build rather than the deployed function
     * @param environment             the function's own variables (resource names, settings)
     * @param environmentFromSettings variables derived from the function's stages.json entry, added last
     * @param managedInstances        null for Lambda's own fleet; else the capacity provider the function runs on
     * @param platformLogLevel        Lambda's own log lines: INFO (the default) writes START and REPORT for every
     *                                invocation, WARN only problems (for the redirect: ~260 bytes a click otherwise)
     */
    public record Props(String name, String module, Class<? extends RequestStreamHandler> handler,
                        Map<String, String> environment,
                        java.util.function.Function<FunctionConfig, Map<String, String>> environmentFromSettings,
                        OnManagedInstances managedInstances, SystemLogLevel platformLogLevel) {
        /** The construct id (and so every logical id below it) comes from the name: kebab-case only. */
        private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

        public Props {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("ShortstackFunction.Props: name is missing (the function's key in stages.json, e.g. \"stats-api\")");
            }
            if (!KEBAB_CASE.matcher(name).matches()) {
                throw new IllegalArgumentException("ShortstackFunction.Props: name '" + name
                        + "' is not kebab-case (lower-case words joined by '-', e.g. \"stats-api\")");
            }
            if (module == null || module.isBlank()) {
                throw new IllegalArgumentException("ShortstackFunction.Props: module is missing for function '" + name
                        + "' (the Maven module under functions/ that builds its jar, e.g. \"stats\")");
            }
            if (handler == null) {
                throw new IllegalArgumentException("ShortstackFunction.Props: handler is missing for function '" + name
                        + "' (its handler class, e.g. StatsApiFunction.class)");
            }
            environment = Map.copyOf(environment == null ? Map.of() : environment);
            environmentFromSettings = environmentFromSettings == null ? settings -> Map.of() : environmentFromSettings;
            platformLogLevel = platformLogLevel == null ? SystemLogLevel.INFO : platformLogLevel;
        }

        public Props(String name, String module, Class<? extends RequestStreamHandler> handler, Map<String, String> environment,
                     java.util.function.Function<FunctionConfig, Map<String, String>> environmentFromSettings) {
            this(name, module, handler, environment, environmentFromSettings, null, null);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** "stats-api" becomes "StatsApi", the id every function had before it had props. */
        String constructId() {
            StringBuilder id = new StringBuilder();
            for (String word : name.split("-")) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            return id.toString();
        }

        /** A RequestStreamHandler is named to Lambda by its class and its one method. */
        String lambdaHandler() {
            return handler.getName() + "::handleRequest";
        }

        public static final class Builder {
            private String name;
            private String module;
            private Class<? extends RequestStreamHandler> handler;
            private Map<String, String> environment;
            private java.util.function.Function<FunctionConfig, Map<String, String>> environmentFromSettings;
            private OnManagedInstances managedInstances;
            private SystemLogLevel platformLogLevel;

            private Builder() {
            }

            public Builder name(String name) {
                this.name = name;
                return this;
            }

            public Builder module(String module) {
                this.module = module;
                return this;
            }

            public Builder handler(Class<? extends RequestStreamHandler> handler) {
                this.handler = handler;
                return this;
            }

            public Builder environment(Map<String, String> environment) {
                this.environment = environment;
                return this;
            }

            /** For variables computed from the function's memory, /tmp or timeout in stages.json. */
            public Builder environmentFromSettings(java.util.function.Function<FunctionConfig, Map<String, String>> derive) {
                this.environmentFromSettings = derive;
                return this;
            }

            /** Runs the function on a Lambda Managed Instances capacity provider; null (the default) for Lambda's own fleet. */
            public Builder managedInstances(OnManagedInstances managedInstances) {
                this.managedInstances = managedInstances;
                return this;
            }

            /** Lambda's own log lines; WARN keeps START and REPORT out of a hot function's logs. */
            public Builder platformLogLevel(SystemLogLevel level) {
                this.platformLogLevel = level;
                return this;
            }

            public Props build() {
                return new Props(name, module, handler, environment, environmentFromSettings, managedInstances, platformLogLevel);
            }
        }
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
