package dev.shortstack.infra.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.shortstack.shared.infra.ApiCors;
import java.util.ArrayList;
import dev.shortstack.shared.config.ConfigException;
import dev.shortstack.shared.domain.ShortDomains;
import java.util.List;
import java.util.Map;

/**
 * Every knob an operator tunes for one stage, read from {@code infra-cdk/stages.json}.
 *
 * @param customDomain optional: the short domain and its ACM certificate (in us-east-1)
 */
public record StageConfig(
        String name,
        String region,
        CustomDomain customDomain,
        Map<String, FunctionConfig> functions,
        ApiConfig api,
        DynamoConfig dynamodb,
        BudgetConfig budget,
        List<String> alarmEmails,
        List<String> blockedDomains,
        int logRetentionDays,
        ArchiveConfig clickArchive,
        JobFilesConfig jobFiles,
        CdnConfig cdn,
        AlarmConfig alarms,
        String compactionScheduleUtc,
        AthenaConfig athena,
        RedirectCompute redirectCompute) {

    /**
     * Where the redirect runs.
     *
     * @param mode             {@code "lambda"}: Lambda's own fleet, one request per environment, SnapStart or
     *                         provisioned concurrency, scales to zero; {@code "managed-instances"}: Lambda Managed
     *                         Instances, a capacity provider in the stage's own VPC (isolated subnets, VPC endpoints,
     *                         no NAT gateway), many requests per environment, no cold starts, never scales to zero
     * @param managedInstances for {@code "managed-instances"} only; null for {@link ManagedInstances#DEFAULTS}
     */
    public record RedirectCompute(String mode, ManagedInstances managedInstances) {
        public static final String LAMBDA = "lambda";
        public static final String MANAGED_INSTANCES = "managed-instances";

        public boolean onManagedInstances() {
            return MANAGED_INSTANCES.equals(mode);
        }

        /** The managed-instances settings with their defaults filled in. */
        public ManagedInstances managedInstancesOrDefaults() {
            return managedInstances == null ? ManagedInstances.DEFAULTS : managedInstances.withDefaults();
        }
    }

    /**
     * The redirect's capacity provider and its share of it; a null value takes the default.
     *
     * @param maxVCpuCount                   the capacity provider's ceiling on vCPUs over all its instances (cost cap)
     * @param minExecutionEnvironments       environments kept running however quiet it is
     * @param maxExecutionEnvironments       environments at most
     * @param perEnvironmentMaxConcurrency   requests one environment serves at once (1..1600)
     * @param memoryGiBPerVCpu               2, 4 or 8 GiB per vCPU for each environment
     */
    public record ManagedInstances(Integer maxVCpuCount, Integer minExecutionEnvironments, Integer maxExecutionEnvironments,
                                   Integer perEnvironmentMaxConcurrency, Integer memoryGiBPerVCpu) {
        public static final ManagedInstances DEFAULTS = new ManagedInstances(16, 2, 4, 64, 2);

        ManagedInstances withDefaults() {
            return new ManagedInstances(
                    maxVCpuCount != null ? maxVCpuCount : DEFAULTS.maxVCpuCount(),
                    minExecutionEnvironments != null ? minExecutionEnvironments : DEFAULTS.minExecutionEnvironments(),
                    maxExecutionEnvironments != null ? maxExecutionEnvironments : DEFAULTS.maxExecutionEnvironments(),
                    perEnvironmentMaxConcurrency != null ? perEnvironmentMaxConcurrency : DEFAULTS.perEnvironmentMaxConcurrency(),
                    memoryGiBPerVCpu != null ? memoryGiBPerVCpu : DEFAULTS.memoryGiBPerVCpu());
        }
    }

    /**
     * @param domainName     the stage's default short domain
     * @param certificateArn an ACM certificate in us-east-1 covering the default domain and every extra one
     * @param workspace      the workspace that sets the default domain's root and not-found pages and sees its orphan
     *                       visits; null for none (the default domain is every workspace's for links either way)
     * @param extraDomains   more short domains on the same distribution, each owned by one workspace; may be empty
     */
    public record CustomDomain(String domainName, String certificateArn, String workspace, List<ExtraDomain> extraDomains) {
        public CustomDomain {
            extraDomains = extraDomains == null ? List.of() : List.copyOf(extraDomains);
        }

        /** Every host the distribution answers for: the default domain first. */
        public List<String> allNames() {
            List<String> names = new ArrayList<>(List.of(domainName));
            extraDomains.forEach(extra -> names.add(extra.name()));
            return names;
        }

        /** As the functions read them (SHORT_DOMAINS, DEFAULT_DOMAIN_WORKSPACE). */
        public ShortDomains shortDomains() {
            return ShortDomains.parse(String.join(",", extraDomains.stream().map(e -> e.name() + "=" + e.workspace()).toList()), workspace);
        }
    }

    /** A short domain besides the default one, and the workspace that owns it (makes links on it, sets its pages). */
    public record ExtraDomain(String name, String workspace) {
    }

    /**
     * @param ephemeralStorageMb     the function's /tmp, null for Lambda's default 512 MB
     * @param provisionedConcurrency null for none; SnapStart and provisioned concurrency exclude each other
     * @param queueMaxConcurrency    for queue-triggered functions: the event source mapping's maximum concurrency
     */
    public record FunctionConfig(int memoryMb, int timeoutSeconds, int reservedConcurrency, boolean snapStart,
                                 Integer ephemeralStorageMb, ProvisionedConcurrency provisionedConcurrency,
                                 Integer queueMaxConcurrency) {
    }

    public record ProvisionedConcurrency(int min, int max, double targetUtilization) {
    }

    /**
     * @param corsOrigins           origins whose browser scripts may call the API (ApiCors); none: no CORS at all
     * @param keyRequestsPerSecond  what one API key may send a second (429 with Retry-After beyond; other keys unaffected)
     * @param authFailuresPerMinute requests with a key that is not valid one client may send a minute before it is answered 429
     * @param auditRetentionDays    how long the audit log keeps an entry
     */
    public record ApiConfig(int rateLimitPerSecond, int burstLimit, List<String> corsOrigins, int keyRequestsPerSecond,
                            int authFailuresPerMinute, int auditRetentionDays) {
        public ApiConfig {
            corsOrigins = List.copyOf(corsOrigins);
        }
    }

    /**
     * @param capacity "on-demand" (with the max-throughput caps as a hard cost limit) or
     *                 "provisioned" (with target-tracking auto scaling)
     */
    public record DynamoConfig(String capacity, Integer maxReadRequestUnitsPerSecond, Integer maxWriteRequestUnitsPerSecond,
                               ProvisionedCapacity provisioned, boolean deletionProtection) {
        public boolean onDemand() {
            return "on-demand".equals(capacity);
        }
    }

    public record ProvisionedCapacity(AutoScaledUnits read, AutoScaledUnits write) {
    }

    public record AutoScaledUnits(int min, int max, int targetUtilizationPercent) {
    }

    public record BudgetConfig(double monthlyLimitUsd, List<String> alertEmails) {
    }

    public record ArchiveConfig(int coldStorageAfterDays, int expireAfterDays) {
    }

    /** @param expireAfterDays how long uploads, error reports and exports are kept */
    public record JobFilesConfig(int expireAfterDays) {
    }

    public record CdnConfig(String priceClass) {
    }

    public record AlarmConfig(int redirectP99Millis, int queueAgeSeconds) {
    }

    /**
     * SQL over the compacted click archive.
     *
     * @param bytesScannedCutoffPerQuery Athena cancels a query that would scan more (the cost of one query is
     *                                   bounded by it: $5 per TB scanned); at least 10 MB (10,000,000 bytes)
     * @param resultsExpireAfterDays     how long query results are kept in the results bucket
     */
    public record AthenaConfig(long bytesScannedCutoffPerQuery, int resultsExpireAfterDays) {
        /** Athena's own minimum for the cutoff. */
        public static final long MIN_BYTES_SCANNED_CUTOFF = 10_000_000L;
    }

    public FunctionConfig function(String name) {
        FunctionConfig config = functions.get(name);
        if (config == null) {
            throw new IllegalArgumentException("Stage '" + this.name + "' has no settings for function '" + name + "'");
        }
        return config;
    }

    /** Lambda Managed Instances' smallest function memory (one vCPU at 2 GiB per vCPU). */
    public static final int MANAGED_INSTANCES_MIN_MEMORY_MB = 2048;

    /** This stage with one function's settings replaced (validated like a loaded stage). */
    public StageConfig withFunction(String function, FunctionConfig settings) {
        function(function);
        Map<String, FunctionConfig> changed = new java.util.LinkedHashMap<>(functions);
        changed.put(function, settings);
        StageConfig config = new StageConfig(name, region, customDomain, Map.copyOf(changed), api, dynamodb, budget, alarmEmails,
                blockedDomains, logRetentionDays, clickArchive, jobFiles, cdn, alarms, compactionScheduleUtc, athena, redirectCompute);
        config.validate();
        return config;
    }

    /** This stage with the redirect's compute replaced (validated like a loaded stage). */
    public StageConfig withApi(ApiConfig newApi) {
        StageConfig config = new StageConfig(name, region, customDomain, functions, newApi, dynamodb, budget, alarmEmails,
                blockedDomains, logRetentionDays, clickArchive, jobFiles, cdn, alarms, compactionScheduleUtc, athena, redirectCompute);
        config.validate();
        return config;
    }

    /** This stage on these short domains (validated like a loaded stage). */
    public StageConfig withCustomDomain(CustomDomain domain) {
        StageConfig config = new StageConfig(name, region, domain, functions, api, dynamodb, budget, alarmEmails,
                blockedDomains, logRetentionDays, clickArchive, jobFiles, cdn, alarms, compactionScheduleUtc, athena, redirectCompute);
        config.validate();
        return config;
    }

    public StageConfig withRedirectCompute(RedirectCompute compute) {
        StageConfig config = new StageConfig(name, region, customDomain, functions, api, dynamodb, budget, alarmEmails,
                blockedDomains, logRetentionDays, clickArchive, jobFiles, cdn, alarms, compactionScheduleUtc, athena, compute);
        config.validate();
        return config;
    }

    /** Reads one stage and refuses settings that could not deploy, naming each. */
    public static StageConfig load(Path file, String stage) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();
        JsonNode all;
        try {
            all = mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stage configuration " + file.toAbsolutePath(), e);
        }
        if (stage == null || !all.has(stage)) {
            List<String> stages = new ArrayList<>();
            all.fieldNames().forEachRemaining(stages::add);
            throw new IllegalArgumentException("Choose a stage with -c stage=<name>; " + file + " defines " + stages);
        }
        ObjectNode settings = all.get(stage).deepCopy();
        settings.put("name", stage);
        StageConfig config;
        try {
            config = mapper.treeToValue(settings, StageConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Stage '" + stage + "' in " + file + " is malformed: " + e.getMessage(), e);
        }
        config.validate();
        return config;
    }

    private void validateRedirectCompute(List<String> problems) {
        if (redirectCompute == null || !List.of(RedirectCompute.LAMBDA, RedirectCompute.MANAGED_INSTANCES).contains(redirectCompute.mode())) {
            problems.add("redirectCompute.mode must be '" + RedirectCompute.LAMBDA + "' or '" + RedirectCompute.MANAGED_INSTANCES + "'");
            return;
        }
        if (!redirectCompute.onManagedInstances()) {
            if (redirectCompute.managedInstances() != null) {
                problems.add("redirectCompute.managedInstances applies to mode '" + RedirectCompute.MANAGED_INSTANCES + "' only; set it to null");
            }
            return;
        }
        FunctionConfig redirect = functions.get("redirect");
        if (redirect == null) {
            problems.add("redirectCompute: there are no settings for function 'redirect'");
            return;
        }
        if (redirect.snapStart()) {
            problems.add("redirect: Lambda Managed Instances do not support SnapStart (environments stay warm); set snapStart to false");
        }
        if (redirect.provisionedConcurrency() != null) {
            problems.add("redirect: Lambda Managed Instances have no provisioned concurrency (the capacity provider keeps "
                    + "minExecutionEnvironments running); set provisionedConcurrency to null");
        }
        if (redirect.memoryMb() < MANAGED_INSTANCES_MIN_MEMORY_MB) {
            problems.add("redirect.memoryMb must be at least " + MANAGED_INSTANCES_MIN_MEMORY_MB + " on Lambda Managed Instances");
        }
        ManagedInstances mi = redirectCompute.managedInstancesOrDefaults();
        if (mi.minExecutionEnvironments() < 0 || mi.maxExecutionEnvironments() < Math.max(1, mi.minExecutionEnvironments())) {
            problems.add("redirectCompute.managedInstances needs 0 <= minExecutionEnvironments <= maxExecutionEnvironments (at least 1)");
        }
        if (mi.perEnvironmentMaxConcurrency() < 1 || mi.perEnvironmentMaxConcurrency() > 1600) {
            problems.add("redirectCompute.managedInstances.perEnvironmentMaxConcurrency must be 1..1600");
        }
        if (!List.of(2, 4, 8).contains(mi.memoryGiBPerVCpu())) {
            problems.add("redirectCompute.managedInstances.memoryGiBPerVCpu must be 2, 4 or 8");
        }
        if (mi.maxVCpuCount() < 2) {
            problems.add("redirectCompute.managedInstances.maxVCpuCount must be at least 2");
        }
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (customDomain != null) {
            if (!ShortDomains.isHostName(String.valueOf(customDomain.domainName()))) {
                problems.add("customDomain.domainName must be a host name such as sho.rt");
            }
            try {
                ShortDomains domains = customDomain.shortDomains();
                if (domains.owners().containsKey(customDomain.domainName())) {
                    problems.add("customDomain.extraDomains must not name the default domain " + customDomain.domainName());
                }
            } catch (ConfigException e) {
                problems.add("customDomain: " + e.getMessage());
            }
        }
        api.corsOrigins().forEach(origin -> ApiCors.originViolation(origin).ifPresent(why -> problems.add("api.corsOrigins: " + why)));
        if (api.keyRequestsPerSecond() < 1 || api.keyRequestsPerSecond() > api.rateLimitPerSecond()) {
            problems.add("api.keyRequestsPerSecond must be 1..api.rateLimitPerSecond (one key cannot use more than the stage)");
        }
        if (api.authFailuresPerMinute() < 1) {
            problems.add("api.authFailuresPerMinute must be at least 1");
        }
        if (api.auditRetentionDays() < 1 || api.auditRetentionDays() > 3650) {
            problems.add("api.auditRetentionDays must be 1..3650");
        }
        functions.forEach((fn, c) -> {
            if (c.memoryMb() < 128 || c.memoryMb() > 10_240) {
                problems.add(fn + ".memoryMb must be 128..10240");
            }
            if (c.ephemeralStorageMb() != null && (c.ephemeralStorageMb() < 512 || c.ephemeralStorageMb() > 10_240)) {
                problems.add(fn + ".ephemeralStorageMb must be 512..10240 (or null for 512)");
            }
            if (c.snapStart() && c.provisionedConcurrency() != null) {
                problems.add(fn + ": Lambda does not support SnapStart together with provisioned concurrency; choose one");
            }
            if (c.provisionedConcurrency() != null) {
                ProvisionedConcurrency pc = c.provisionedConcurrency();
                if (pc.min() < 1 || pc.max() < pc.min() || pc.max() > c.reservedConcurrency()) {
                    problems.add(fn + ".provisionedConcurrency needs 1 <= min <= max <= reservedConcurrency");
                }
                if (pc.targetUtilization() <= 0 || pc.targetUtilization() >= 1) {
                    problems.add(fn + ".provisionedConcurrency.targetUtilization must be between 0 and 1");
                }
            }
        });
        validateRedirectCompute(problems);
        if (dynamodb.onDemand()) {
            if (dynamodb.maxReadRequestUnitsPerSecond() == null || dynamodb.maxWriteRequestUnitsPerSecond() == null) {
                problems.add("dynamodb: on-demand needs maxReadRequestUnitsPerSecond and maxWriteRequestUnitsPerSecond (the cost cap)");
            }
        } else if (!"provisioned".equals(dynamodb.capacity()) || dynamodb.provisioned() == null) {
            problems.add("dynamodb.capacity must be 'on-demand' or 'provisioned' (with 'provisioned' settings)");
        }
        functions.forEach((fn, c) -> {
            if (c.queueMaxConcurrency() != null && (c.queueMaxConcurrency() < 2 || c.queueMaxConcurrency() > c.reservedConcurrency())) {
                problems.add(fn + ".queueMaxConcurrency must be 2..reservedConcurrency (SQS event source mappings start at 2)");
            }
        });
        if (athena.bytesScannedCutoffPerQuery() < AthenaConfig.MIN_BYTES_SCANNED_CUTOFF) {
            problems.add("athena.bytesScannedCutoffPerQuery must be at least " + AthenaConfig.MIN_BYTES_SCANNED_CUTOFF + " (10 MB)");
        }
        if (athena.resultsExpireAfterDays() < 1 || athena.resultsExpireAfterDays() > 365) {
            problems.add("athena.resultsExpireAfterDays must be 1..365");
        }
        if (budget.monthlyLimitUsd() <= 0 || budget.alertEmails().isEmpty()) {
            problems.add("budget needs a positive monthlyLimitUsd and at least one alert email");
        }
        if (alarmEmails.isEmpty()) {
            problems.add("alarmEmails needs at least one address");
        }
        if (!LogRetention.SUPPORTED_DAYS.contains(logRetentionDays)) {
            problems.add("logRetentionDays must be one of " + LogRetention.SUPPORTED_DAYS);
        }
        if (clickArchive.expireAfterDays() <= clickArchive.coldStorageAfterDays()) {
            problems.add("clickArchive.expireAfterDays must be after coldStorageAfterDays");
        }
        if (jobFiles.expireAfterDays() < 1 || jobFiles.expireAfterDays() > 365) {
            problems.add("jobFiles.expireAfterDays must be 1..365");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Stage '" + name + "' is not deployable:\n  - " + String.join("\n  - ", problems));
        }
    }
}
