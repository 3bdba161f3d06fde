package dev.shortstack.emulators;

import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/**
 * Keeps code that runs outside Lambda from probing the EC2 metadata address: the AWS SDK's
 * metadata lookups are switched off, and the EMF library (under Powertools metrics) is told it
 * runs locally instead of detecting its environment over the network. The same as setting
 * AWS_EC2_METADATA_DISABLED=true and AWS_EMF_ENVIRONMENT=Local, for a JVM whose environment
 * variables cannot be changed from inside.
 */
public final class LoopbackOnly {
    private LoopbackOnly() {
    }

    public static void apply() {
        System.setProperty("aws.disableEc2Metadata", "true");
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
    }
}
