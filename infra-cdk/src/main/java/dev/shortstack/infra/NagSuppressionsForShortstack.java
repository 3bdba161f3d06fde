package dev.shortstack.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The cdk-nag findings Shortstack accepts, each with the reason a reviewer would need. The list
 * is also in docs/cdk-nag.md; a test keeps every other rule at zero errors.
 */
final class NagSuppressionsForShortstack {
    /** The id CDK gives its bucket-notifications custom resource (a constant of aws-cdk-lib). */
    private static final String BUCKET_NOTIFICATIONS_HANDLER = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

    private NagSuppressionsForShortstack() {
    }

    private static final String JAVA_21 = "Java 21 (LTS) is the runtime this project targets and measures; the code is built "
            + "for Java 17 and moving to a newer runtime is one line in ShortstackFunction.";

    /**
     * @param functions the app's functions (Java 21, not the newest runtime)
     * @param httpApi   the HTTP API, whose routes authenticate in the functions
     */
    static void apply(Stack stack, Construct visitorHashKey, Construct originSecret, Construct distribution, boolean customDomain,
                      List<? extends IConstruct> functions, IConstruct httpApi, IConstruct replayFailures) {
        NagSuppressions.addResourceSuppressions(replayFailures, List.of(suppress("AwsSolutions-SQS3",
                "It is the click-replay function's on-failure destination, a dead-letter queue in all but name: nothing "
                        + "consumes it, its messages wait (14 days) for an operator, and an alarm reports the first one.")), true);
        NagSuppressions.addResourceSuppressions(originSecret, List.of(suppress("AwsSolutions-SMG4",
                "CloudFront holds the value in its origin configuration, so a rotation needs a deployment to reach it: "
                        + "rotate (Secrets Manager), then deploy; the functions accept the previous value until then.")), true);
        NagSuppressions.addResourceSuppressions(visitorHashKey, List.of(suppress("AwsSolutions-SMG4",
                "The visitor-hash key is a salt, not a credential: rotating it would only re-key visitor ids, which "
                        + "already change every UTC day. Rotate by hand (and redeploy) if it ever leaks.")), true);
        // The two warnings cdk-nag gives, each decided and recorded like an error (a test holds both).
        NagSuppressions.addResourceSuppressions(distribution, List.of(
                suppress("AwsSolutions-CFR1", "Short links are for everyone: a geo restriction would break every link of "
                        + "the deployment for whole countries. Blocking countries is an operator's decision, made on the "
                        + "distribution (CloudFront geo restriction) where the law requires it."),
                suppress("AwsSolutions-CFR2", "AWS WAF costs a fixed monthly fee per web ACL and rule plus a fee per million "
                        + "requests, more than the whole stack when idle; the API authenticates, validates and throttles "
                        + "every request (API Gateway stage limits, the functions' reserved concurrency). Attach a web ACL "
                        + "to the distribution where the threat model needs one.")), true);
        if (!customDomain) {
            NagSuppressions.addResourceSuppressions(distribution, List.of(suppress("AwsSolutions-CFR4",
                    "Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum "
                            + "protocol CloudFront fixes. Setting customDomain in stages.json enforces TLSv1.2_2021.")), true);
        }
        // CDK's own singleton that writes the bucket's notification configuration at deploy time.
        if (stack.getNode().tryFindChild(BUCKET_NOTIFICATIONS_HANDLER) != null) {
            NagSuppressions.addResourceSuppressionsByPath(stack, "/" + stack.getNode().getPath() + "/" + BUCKET_NOTIFICATIONS_HANDLER
                    + "/Role/Resource", List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM4")
                    .reason("CDK's bucket-notifications custom resource runs only during deployments, to set the job files "
                            + "bucket's upload notification; its role has the basic logging policy and nothing else.")
                    .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                    .build()));
        } else {
            throw new IllegalStateException("CDK renamed its bucket-notifications handler; update " + BUCKET_NOTIFICATIONS_HANDLER);
        }
        // CDK's own function that copies the dashboard's files into the web-assets bucket at deploy time.
        stack.getNode().getChildren().stream()
                .filter(child -> child.getNode().getId().startsWith("Custom::CDKBucketDeployment"))
                .forEach(deployment -> NagSuppressions.addResourceSuppressions(deployment, List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM4")
                        .reason("CDK's bucket-deployment custom resource runs only during deployments, to copy the dashboard's "
                                + "built files into the web-assets bucket; the managed policy only lets it write its logs.")
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                        .build(), NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("CDK's bucket-deployment custom resource runs only during deployments: CDK grants it read "
                                + "(s3:GetObject*, s3:GetBucket*, s3:List*) on the CDK asset bucket, read/write (plus "
                                + "s3:DeleteObject*, s3:Abort*) on the web-assets bucket's objects, and CloudFront invalidation "
                                + "on '*' to invalidate the dashboard's index.")
                        .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                                "Action::s3:DeleteObject*", "Action::s3:Abort*", "Resource::*",
                                regex("^Resource::<Bucketswebassets[0-9A-F]{8}\\.Arn>/\\*$"),
                                regex("^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[a-z0-9-]+/\\*$")))
                        .build()), true));
        // Each on the resources it is about, not the whole stack: a new function or route meets the rule afresh.
        NagSuppressions.addResourceSuppressions(functions, List.of(suppress("AwsSolutions-L1", JAVA_21)), true);
        stack.getNode().getChildren().stream()
                .filter(child -> child.getNode().getId().startsWith("Custom::CDKBucketDeployment"))
                .forEach(deployment -> NagSuppressions.addResourceSuppressions(deployment, List.of(suppress("AwsSolutions-L1",
                        "CDK's bucket-deployment custom resource runs only during deployments, on the Python runtime CDK "
                                + "chooses for it; it is updated with aws-cdk-lib.")), true));
        NagSuppressions.addResourceSuppressions(httpApi, List.of(suppress("AwsSolutions-APIG4", "Routes have no API Gateway "
                + "authorizer by design: /v1 (links API and stats API) authenticates API keys in the function (hashed keys, "
                + "roles, workspaces, abuse limits), and the password form's route is a public form post.")), true);
        NagSuppressions.addStackSuppressions(stack, List.of(
                // Each kind of wildcard the functions hold is named here; any other fails the cdk-nag test.
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("The functions' wildcards are all in resources, never in actions: a function's own log "
                                + "streams (log-group:<name>:*, named by Lambda at run time), the indexes of tables it "
                                + "queries (table/<name>/index/*, for dynamodb:Query only), the click archive's key "
                                + "prefixes clicks/*, compacted/* and quarantine/* (objects are named per batch, day, "
                                + "workspace and bucket at run time), and the job files' imports/* and jobs/* prefixes "
                                + "(named per job).")
                        .appliesTo(List.of(
                                regex("^Resource::<[A-Za-z]+Logs[0-9A-F]{8}\\.Arn>:\\*$"),
                                regex("^Resource::<Tables[a-z]+[0-9A-F]{8}\\.Arn>/index/\\*$"),
                                regex("^Resource::<Bucketsclickarchive[0-9A-F]{8}\\.Arn>/(clicks|compacted|quarantine)/\\*$"),
                                regex("^Resource::<Bucketsjobfiles[0-9A-F]{8}\\.Arn>/(imports|jobs)/\\*$")))
                        .build()));
    }

    /** The findings of the redirect's Lambda Managed Instances (only with redirectCompute.mode "managed-instances"). */
    static void applyToManagedInstances(dev.shortstack.infra.constructs.ManagedInstancesCapacity capacity) {
        NagSuppressions.addResourceSuppressions(capacity.capacityProvider(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM4")
                .reason("The capacity provider's operator role is assumed by Lambda to launch, patch and terminate the "
                        + "redirect's managed EC2 instances; AWSLambdaManagedEC2ResourceOperator is the policy AWS maintains "
                        + "for exactly that and keeps up to date with the service. Only that policy is accepted.")
                .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AWSLambdaManagedEC2ResourceOperator"))
                .build()), true);
    }

    private static NagPackSuppression suppress(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }

    /** A finding pattern, in cdk-nag's /regex/ form. */
    private static RegexAppliesTo regex(String pattern) {
        return RegexAppliesTo.builder().regex("/" + pattern + "/").build();
    }
}
