package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.LogRetention;
import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.infra.config.StageConfig.ManagedInstances;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CapacityProvider;
import software.amazon.awscdk.services.lambda.CapacityProviderFunctionOptions;
import software.amazon.awscdk.services.lambda.InstanceTypeFilter;
import software.amazon.awscdk.services.lambda.LatestPublishedScalingConfig;
import software.amazon.awscdk.services.lambda.ScalingOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Lambda Managed Instances for the redirect: a VPC of its own with isolated subnets only (no NAT
 * gateway, no internet gateway), VPC endpoints for what the redirect calls (DynamoDB through a
 * gateway endpoint; SQS, Secrets Manager and CloudWatch Logs through interface endpoints), flow
 * logs, and a capacity provider of Graviton (arm64) instances capped at the configured vCPUs.
 */
public final class ManagedInstancesCapacity extends Construct {
    private final Vpc vpc;
    private final CapacityProvider capacityProvider;
    private final ManagedInstances settings;

    public ManagedInstancesCapacity(Construct scope, String id, StageConfig stage) {
        super(scope, id);
        this.settings = stage.redirectCompute().managedInstancesOrDefaults();
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .createInternetGateway(false)
                .restrictDefaultSecurityGroup(true)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("managed-instances").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .gatewayEndpoints(Map.of("DynamoDb", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                        .build()))
                .build();
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(LogRetention.of(stage.logRetentionDays()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                .trafficType(FlowLogTrafficType.REJECT)
                .build());
        Map.of("Sqs", InterfaceVpcEndpointAwsService.SQS,
                "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
                "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS).forEach((name, service) ->
                vpc.addInterfaceEndpoint(name, InterfaceVpcEndpointOptions.builder()
                        .service(service)
                        .privateDnsEnabled(true)
                        .subnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                        .build()));
        // Outbound is open, but isolated subnets route nowhere but to the VPC and its endpoints.
        SecurityGroup instances = SecurityGroup.Builder.create(this, "InstancesSecurityGroup")
                .vpc(vpc)
                .description("Lambda Managed Instances of the redirect: no inbound, outbound only to the VPC endpoints")
                .allowAllOutbound(true)
                .build();
        this.capacityProvider = CapacityProvider.Builder.create(this, "CapacityProvider")
                .capacityProviderName("shortstack-" + stage.name() + "-redirect")
                .subnets(vpc.getIsolatedSubnets())
                .securityGroups(List.of(instances))
                .architectures(List.of(Architecture.ARM_64))
                .instanceTypeFilter(InstanceTypeFilter.allow(gravitonInstances(settings.memoryGiBPerVCpu())))
                .maxVCpuCount(settings.maxVCpuCount())
                .scalingOptions(ScalingOptions.auto())
                .build();
    }

    /** Graviton instances whose memory per vCPU is the environments': c7g (2 GiB), m7g (4 GiB), r7g (8 GiB). */
    static List<InstanceType> gravitonInstances(int memoryGiBPerVCpu) {
        InstanceClass family = switch (memoryGiBPerVCpu) {
            case 2 -> InstanceClass.C7G;
            case 4 -> InstanceClass.M7G;
            case 8 -> InstanceClass.R7G;
            default -> throw new IllegalArgumentException("memoryGiBPerVCpu must be 2, 4 or 8, not " + memoryGiBPerVCpu);
        };
        return List.of(InstanceType.of(family, InstanceSize.LARGE), InstanceType.of(family, InstanceSize.XLARGE),
                InstanceType.of(family, InstanceSize.XLARGE2));
    }

    /** How a function runs on this capacity: many requests per environment, environments within the configured range. */
    public ShortstackFunction.OnManagedInstances placement() {
        return new ShortstackFunction.OnManagedInstances(capacityProvider, CapacityProviderFunctionOptions.builder()
                .perExecutionEnvironmentMaxConcurrency(settings.perEnvironmentMaxConcurrency())
                .executionEnvironmentMemoryGiBPerVCpu(settings.memoryGiBPerVCpu())
                .latestPublishedScalingConfig(LatestPublishedScalingConfig.builder()
                        .minExecutionEnvironments(settings.minExecutionEnvironments())
                        .maxExecutionEnvironments(settings.maxExecutionEnvironments())
                        .build())
                .build());
    }

    public Vpc vpc() {
        return vpc;
    }

    public CapacityProvider capacityProvider() {
        return capacityProvider;
    }
}
