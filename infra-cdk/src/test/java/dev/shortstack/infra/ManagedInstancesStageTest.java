package dev.shortstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.infra.config.StageConfig.FunctionConfig;
import dev.shortstack.infra.config.StageConfig.ManagedInstances;
import dev.shortstack.infra.config.StageConfig.RedirectCompute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The redirect on Lambda Managed Instances: dev with {@code redirectCompute.mode = "managed-instances"}
 * gets one capacity provider in a VPC of its own (isolated subnets, the endpoints the redirect
 * calls, no NAT gateway) and the redirect on it, behind the same front door; the stages as
 * configured get none of it. cdk-nag finds no unsuppressed error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedInstancesStageTest {
    private final Map<String, Template> defaults = new java.util.HashMap<>();
    private StageConfig config;
    private ShortstackStack stack;
    private Template template;

    /** Dev, with the redirect moved to managed instances (no SnapStart there, and at least 2 GB). */
    static StageConfig devOnManagedInstances() {
        StageConfig dev = StageConfig.load(ShortstackApp.STAGES_FILE, "dev");
        FunctionConfig r = dev.function("redirect");
        return dev.withFunction("redirect", new FunctionConfig(Math.max(r.memoryMb(), StageConfig.MANAGED_INSTANCES_MIN_MEMORY_MB),
                        r.timeoutSeconds(), r.reservedConcurrency(), false, r.ephemeralStorageMb(), null, r.queueMaxConcurrency()))
                .withRedirectCompute(new RedirectCompute(RedirectCompute.MANAGED_INSTANCES, null));
    }

    @BeforeAll
    void synthesise() {
        for (String stage : List.of("dev", "prod")) {
            defaults.put(stage, Template.fromStack(ShortstackApp.build(new App(), StageConfig.load(ShortstackApp.STAGES_FILE, stage))));
        }
        config = devOnManagedInstances();
        stack = ShortstackApp.build(new App(), config);
        template = Template.fromStack(stack);
    }

    @Test
    void theConfiguredStagesRunTheRedirectOnLambdaWithoutVpcOrCapacityProvider() {
        defaults.forEach((stage, t) -> {
            assertThat(StageConfig.load(ShortstackApp.STAGES_FILE, stage).redirectCompute().mode()).isEqualTo("lambda");
            t.resourceCountIs("AWS::Lambda::CapacityProvider", 0);
            t.resourceCountIs("AWS::EC2::VPC", 0);
            t.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
            t.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "shortstack-" + stage + "-redirect",
                    "CapacityProviderConfig", Match.absent()));
        });
    }

    @Test
    void theRedirectRunsOnTheOneCapacityProviderWithManyRequestsPerEnvironment() {
        ManagedInstances mi = ManagedInstances.DEFAULTS;
        template.resourceCountIs("AWS::Lambda::CapacityProvider", 1);
        String provider = template.findResources("AWS::Lambda::CapacityProvider").keySet().iterator().next();
        template.hasResourceProperties("AWS::Lambda::CapacityProvider", Match.objectLike(Map.of(
                "InstanceRequirements", Match.objectLike(Map.of("Architectures", List.of("arm64"))),
                "CapacityProviderScalingConfig", Match.objectLike(Map.of("MaxVCpuCount", mi.maxVCpuCount())))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "shortstack-dev-redirect",
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "SnapStart", Match.absent(),
                "CapacityProviderConfig", Map.of("LambdaManagedInstancesCapacityProviderConfig", Map.of(
                        "CapacityProviderArn", Map.of("Fn::GetAtt", List.of(provider, "Arn")),
                        "PerExecutionEnvironmentMaxConcurrency", mi.perEnvironmentMaxConcurrency(),
                        "ExecutionEnvironmentMemoryGiBPerVCpu", mi.memoryGiBPerVCpu())),
                "FunctionScalingConfig", Map.of("MinExecutionEnvironments", mi.minExecutionEnvironments(),
                        "MaxExecutionEnvironments", mi.maxExecutionEnvironments())));
        // Only the redirect moves.
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("CapacityProviderConfig", Match.anyValue())))).hasSize(1);
        template.resourceCountIs("AWS::Lambda::ProvisionedConcurrencyConfig", 0);
    }

    @Test
    void theVpcHasIsolatedSubnetsTheEndpointsTheRedirectCallsFlowLogsAndNoNatGateway() {
        template.resourceCountIs("AWS::EC2::VPC", 1);
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        template.resourceCountIs("AWS::EC2::InternetGateway", 0);
        template.resourceCountIs("AWS::EC2::FlowLog", 1);
        Map<String, String> endpoints = new java.util.HashMap<>();
        template.findResources("AWS::EC2::VPCEndpoint").values().forEach(resource -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            String serviceName = String.valueOf(properties.get("ServiceName"));
            endpoints.put(serviceName.replaceAll("^.*\\.", "").replaceAll("[^a-z]", ""), (String) properties.get("VpcEndpointType"));
            if ("Interface".equals(properties.get("VpcEndpointType"))) {
                assertThat(properties.get("PrivateDnsEnabled")).isEqualTo(true);
            }
        });
        assertThat(endpoints).isEqualTo(Map.of("dynamodb", "Gateway", "sqs", "Interface", "secretsmanager", "Interface",
                "logs", "Interface"));
        template.resourceCountIs("AWS::EC2::VPCEndpoint", 4);
    }

    @Test
    void theFrontDoorIsStillCloudFrontSigningCallsToTheRedirectsFunctionUrl() {
        template.hasResourceProperties("AWS::Lambda::Url", Map.of("AuthType", "AWS_IAM"));
        assertThat(countOf("AWS::CloudFront::OriginAccessControl")).isPositive();
    }

    @Test
    void cdkNagFindsNoUnsuppressedErrorAndEverySuppressionHasAReason() {
        var errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(errors).as("cdk-nag errors").extracting(e -> e.getId() + ": " + e.getEntry().getData()).isEmpty();
        assertThat(NagMetadata.suppressions(template)).allSatisfy(suppression ->
                assertThat((String) suppression.get("reason")).hasSizeGreaterThan(60));
    }

    @Test
    void managedInstancesRefuseSnapStartProvisionedConcurrencyAndSmallMemoryAndUnknownModesAreRefused() {
        StageConfig dev = StageConfig.load(ShortstackApp.STAGES_FILE, "dev");
        assertThatThrownBy(() -> dev.withRedirectCompute(new RedirectCompute(RedirectCompute.MANAGED_INSTANCES, null)))
                .hasMessageContaining("SnapStart").hasMessageContaining("redirect.memoryMb");
        StageConfig prod = StageConfig.load(ShortstackApp.STAGES_FILE, "prod");
        assertThatThrownBy(() -> prod.withRedirectCompute(new RedirectCompute(RedirectCompute.MANAGED_INSTANCES, null)))
                .hasMessageContaining("provisioned concurrency");
        assertThatThrownBy(() -> dev.withRedirectCompute(new RedirectCompute("fargate", null)))
                .hasMessageContaining("redirectCompute.mode");
        assertThatThrownBy(() -> devOnManagedInstances().withRedirectCompute(new RedirectCompute(RedirectCompute.MANAGED_INSTANCES,
                new ManagedInstances(null, 3, 2, 2000, 3))))
                .hasMessageContaining("minExecutionEnvironments").hasMessageContaining("1..1600").hasMessageContaining("2, 4 or 8");
    }

    private int countOf(String type) {
        return template.findResources(type).size();
    }
}
