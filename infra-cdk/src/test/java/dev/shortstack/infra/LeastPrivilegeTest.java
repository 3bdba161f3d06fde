package dev.shortstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.infra.config.StageConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Every role of the stack holds exactly the (action, resource) pairs listed here, each one a call
 * its function's code makes: one more (a broader action, a wider resource, a lost condition) or one
 * fewer fails, naming the role and the pair. No role holds {@code Resource: "*"}. CDK's own
 * deployment-time custom resources are not the app's and are listed in docs/cdk-nag.md instead.
 */
class LeastPrivilegeTest {
    /** Reviewed pair by pair against the code (docs/cdk-nag.md says why each function needs its pairs). */
    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("Aggregator", pairs("""
                    dynamodb:Query on Tableswebhooks.Arn
                    dynamodb:UpdateItem on Tablesstats.Arn
                    logs:CreateLogStream on AggregatorLogs.Arn:*
                    logs:PutLogEvents on AggregatorLogs.Arn:*
                    s3:PutObject on Bucketsclickarchive.Arn/clicks/*
                    sqs:ChangeMessageVisibility on Queuesclicks.Arn
                    sqs:DeleteMessage on Queuesclicks.Arn
                    sqs:GetQueueAttributes on Queuesclicks.Arn
                    sqs:GetQueueAttributes on Queueswebhookevents.Arn
                    sqs:GetQueueUrl on Queuesclicks.Arn
                    sqs:GetQueueUrl on Queueswebhookevents.Arn
                    sqs:ReceiveMessage on Queuesclicks.Arn
                    sqs:SendMessage on Queueswebhookevents.Arn
                    """)),
            Map.entry("ClickReplay", pairs("""
                    logs:CreateLogStream on ClickReplayLogs.Arn:*
                    logs:PutLogEvents on ClickReplayLogs.Arn:*
                    sqs:GetQueueAttributes on Queuesclicks.Arn
                    sqs:GetQueueAttributes on ReplayPathFailures.Arn
                    sqs:GetQueueUrl on Queuesclicks.Arn
                    sqs:GetQueueUrl on ReplayPathFailures.Arn
                    sqs:SendMessage on Queuesclicks.Arn
                    sqs:SendMessage on ReplayPathFailures.Arn
                    """)),
            Map.entry("Compactor", pairs("""
                    dynamodb:BatchWriteItem on Tablesstats.Arn
                    dynamodb:GetItem on Tablesstats.Arn
                    dynamodb:PutItem on Tablesstats.Arn
                    dynamodb:Query on Tablesstats.Arn
                    dynamodb:UpdateItem on Tablesstats.Arn
                    logs:CreateLogStream on CompactorLogs.Arn:*
                    logs:PutLogEvents on CompactorLogs.Arn:*
                    s3:DeleteObject on Bucketsclickarchive.Arn/clicks/*
                    s3:DeleteObject on Bucketsclickarchive.Arn/compacted/*
                    s3:GetObject on Bucketsclickarchive.Arn/clicks/*
                    s3:GetObject on Bucketsclickarchive.Arn/compacted/*
                    s3:ListBucket on Bucketsclickarchive.Arn if {StringLike: {s3:prefix: [clicks/*, compacted/*]}}
                    s3:PutObject on Bucketsclickarchive.Arn/compacted/*
                    s3:PutObject on Bucketsclickarchive.Arn/quarantine/*
                    sqs:ChangeMessageVisibility on Queuescompactions.Arn
                    sqs:DeleteMessage on Queuescompactions.Arn
                    sqs:GetQueueAttributes on Queuescompactions.Arn
                    sqs:GetQueueUrl on Queuescompactions.Arn
                    sqs:ReceiveMessage on Queuescompactions.Arn
                    """)),
            Map.entry("JobsWorker", pairs("""
                    dynamodb:GetItem on Tablesdomains.Arn
                    dynamodb:GetItem on Tablesjobs.Arn
                    dynamodb:GetItem on Tableslinks.Arn
                    dynamodb:PutItem on Tablesjobs.Arn
                    dynamodb:PutItem on Tableslinks.Arn
                    dynamodb:Query on Tableslinks.Arn
                    dynamodb:Query on Tableslinks.Arn/index/*
                    dynamodb:Query on Tablesstats.Arn
                    dynamodb:Query on Tableswebhooks.Arn
                    dynamodb:UpdateItem on Tablesjobs.Arn
                    logs:CreateLogStream on JobsWorkerLogs.Arn:*
                    logs:PutLogEvents on JobsWorkerLogs.Arn:*
                    s3:AbortMultipartUpload on Bucketsjobfiles.Arn/jobs/*
                    s3:DeleteObject on Bucketsjobfiles.Arn/jobs/*
                    s3:GetObject on Bucketsclickarchive.Arn/clicks/*
                    s3:GetObject on Bucketsclickarchive.Arn/compacted/*
                    s3:GetObject on Bucketsjobfiles.Arn/imports/*
                    s3:GetObject on Bucketsjobfiles.Arn/jobs/*
                    s3:ListBucket on Bucketsclickarchive.Arn if {StringLike: {s3:prefix: [clicks/*]}}
                    s3:ListBucket on Bucketsjobfiles.Arn if {StringLike: {s3:prefix: [jobs/*]}}
                    s3:PutObject on Bucketsjobfiles.Arn/jobs/*
                    sqs:ChangeMessageVisibility on Queuesjobs.Arn
                    sqs:DeleteMessage on Queuesjobs.Arn
                    sqs:GetQueueAttributes on Queuesjobs.Arn
                    sqs:GetQueueAttributes on Queueswebhookevents.Arn
                    sqs:GetQueueUrl on Queuesjobs.Arn
                    sqs:GetQueueUrl on Queueswebhookevents.Arn
                    sqs:ReceiveMessage on Queuesjobs.Arn
                    sqs:SendMessage on Queuesjobs.Arn
                    sqs:SendMessage on Queueswebhookevents.Arn
                    """)),
            Map.entry("LinksApi", pairs("""
                    dynamodb:DeleteItem on Tablesdomains.Arn
                    dynamodb:GetItem on Tablesdomains.Arn
                    dynamodb:PutItem on Tablesdomains.Arn
                    dynamodb:DeleteItem on Tableslinks.Arn
                    dynamodb:PutItem on Tablesaudit.Arn
                    dynamodb:Query on Tablesaudit.Arn
                    dynamodb:DeleteItem on Tablesvisits.Arn
                    dynamodb:DeleteItem on Tableswebhooks.Arn
                    dynamodb:GetItem on Tablesapikeys.Arn
                    dynamodb:GetItem on Tableslimits.Arn
                    dynamodb:UpdateItem on Tableslimits.Arn
                    dynamodb:GetItem on Tablesjobs.Arn
                    dynamodb:GetItem on Tableslinks.Arn
                    dynamodb:GetItem on Tablesvisits.Arn
                    dynamodb:GetItem on Tableswebhooks.Arn
                    dynamodb:PutItem on Tablesapikeys.Arn
                    dynamodb:PutItem on Tablesjobs.Arn
                    dynamodb:PutItem on Tableslinks.Arn
                    dynamodb:PutItem on Tableswebhooks.Arn
                    dynamodb:Query on Tablesapikeys.Arn
                    dynamodb:Query on Tablesapikeys.Arn/index/*
                    dynamodb:Query on Tablesjobs.Arn
                    dynamodb:Query on Tablesjobs.Arn/index/*
                    dynamodb:Query on Tableslinks.Arn
                    dynamodb:Query on Tableslinks.Arn/index/*
                    dynamodb:Query on Tableswebhooks.Arn
                    dynamodb:UpdateItem on Tablesapikeys.Arn
                    dynamodb:UpdateItem on Tablesjobs.Arn
                    logs:CreateLogStream on LinksApiLogs.Arn:*
                    logs:PutLogEvents on LinksApiLogs.Arn:*
                    s3:GetObject on Bucketsjobfiles.Arn/imports/*
                    s3:GetObject on Bucketsjobfiles.Arn/jobs/*
                    s3:PutObject on Bucketsjobfiles.Arn/imports/*
                    secretsmanager:GetSecretValue on OriginVerifySecret
                    sqs:GetQueueAttributes on Queuesjobs.Arn
                    sqs:GetQueueAttributes on Queueswebhookdeliveries.Arn
                    sqs:GetQueueAttributes on Queueswebhookevents.Arn
                    sqs:GetQueueUrl on Queuesjobs.Arn
                    sqs:GetQueueUrl on Queueswebhookdeliveries.Arn
                    sqs:GetQueueUrl on Queueswebhookevents.Arn
                    sqs:SendMessage on Queuesjobs.Arn
                    sqs:SendMessage on Queueswebhookdeliveries.Arn
                    sqs:SendMessage on Queueswebhookevents.Arn
                    """)),
            Map.entry("Redirect", pairs("""
                    dynamodb:GetItem on Tablesdomains.Arn
                    dynamodb:GetItem on Tableslinks.Arn
                    dynamodb:UpdateItem on Tablesvisits.Arn
                    logs:CreateLogStream on RedirectLogs.Arn:*
                    logs:PutLogEvents on RedirectLogs.Arn:*
                    secretsmanager:GetSecretValue on OriginVerifySecret
                    secretsmanager:GetSecretValue on VisitorHashKey
                    sqs:GetQueueAttributes on Queuesclicks.Arn
                    sqs:GetQueueUrl on Queuesclicks.Arn
                    sqs:SendMessage on Queuesclicks.Arn
                    """)),
            Map.entry("StatsApi", pairs("""
                    dynamodb:GetItem on Tablesapikeys.Arn
                    dynamodb:UpdateItem on Tablesapikeys.Arn
                    dynamodb:GetItem on Tableslimits.Arn
                    dynamodb:UpdateItem on Tableslimits.Arn
                    dynamodb:GetItem on Tableslinks.Arn
                    dynamodb:GetItem on Tablesstats.Arn
                    dynamodb:PutItem on Tablesstats.Arn
                    dynamodb:Query on Tablesstats.Arn
                    dynamodb:UpdateItem on Tablesstats.Arn
                    logs:CreateLogStream on StatsApiLogs.Arn:*
                    logs:PutLogEvents on StatsApiLogs.Arn:*
                    s3:GetObject on Bucketsclickarchive.Arn/clicks/*
                    s3:GetObject on Bucketsclickarchive.Arn/compacted/*
                    s3:ListBucket on Bucketsclickarchive.Arn if {StringLike: {s3:prefix: [clicks/*]}}
                    secretsmanager:GetSecretValue on OriginVerifySecret
                    sqs:GetQueueAttributes on Queuescompactions.Arn
                    sqs:GetQueueUrl on Queuescompactions.Arn
                    sqs:SendMessage on Queuescompactions.Arn
                    """)),
            Map.entry("WebhookDeliverer", pairs("""
                    dynamodb:GetItem on Tableswebhooks.Arn
                    dynamodb:UpdateItem on Tableswebhooks.Arn
                    logs:CreateLogStream on WebhookDelivererLogs.Arn:*
                    logs:PutLogEvents on WebhookDelivererLogs.Arn:*
                    sqs:ChangeMessageVisibility on Queueswebhookdeliveries.Arn
                    sqs:DeleteMessage on Queueswebhookdeliveries.Arn
                    sqs:GetQueueAttributes on Queueswebhookdeliveries.Arn
                    sqs:GetQueueUrl on Queueswebhookdeliveries.Arn
                    sqs:ReceiveMessage on Queueswebhookdeliveries.Arn
                    """)),
            Map.entry("WebhookFanout", pairs("""
                    dynamodb:GetItem on Tableswebhooks.Arn
                    dynamodb:PutItem on Tableswebhooks.Arn
                    dynamodb:Query on Tableswebhooks.Arn
                    logs:CreateLogStream on WebhookFanoutLogs.Arn:*
                    logs:PutLogEvents on WebhookFanoutLogs.Arn:*
                    sqs:ChangeMessageVisibility on Queueswebhookevents.Arn
                    sqs:DeleteMessage on Queueswebhookevents.Arn
                    sqs:GetQueueAttributes on Queueswebhookdeliveries.Arn
                    sqs:GetQueueAttributes on Queueswebhookevents.Arn
                    sqs:GetQueueUrl on Queueswebhookdeliveries.Arn
                    sqs:GetQueueUrl on Queueswebhookevents.Arn
                    sqs:ReceiveMessage on Queueswebhookevents.Arn
                    sqs:SendMessage on Queueswebhookdeliveries.Arn
                    """)));

    private static Set<String> pairs(String lines) {
        Set<String> pairs = new TreeSet<>();
        lines.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(pairs::add);
        return pairs;
    }

    private static ShortstackStack stack(String stage) {
        return ShortstackApp.build(new App(), StageConfig.load(ShortstackApp.STAGES_FILE, stage));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRoleHoldsExactlyTheActionsOnTheResourcesItsCodeUses(String stage) {
        Map<String, Set<String>> actual = IamPairs.byRole(Template.fromStack(stack(stage)));
        assertThat(IamPairs.differences(EXPECTED, actual)).as("permissions that differ from the reviewed list").isEmpty();
        assertThat(actual.values().stream().flatMap(Set::stream)).as("wildcard resources")
                .noneMatch(pair -> pair.endsWith(" on *") || pair.contains(" on * if "));
    }

    @Test
    void anOverBroadGrantInACopyOfTheStackFailsNamingTheRoleAndThePair() {
        ShortstackStack copy = stack("dev");
        copy.redirect().function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:*")).resources(List.of("*")).build());
        copy.jobsWorker().function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:DeleteItem")).resources(List.of("arn:aws:dynamodb:us-east-1:123456789012:table/other")).build());

        assertThat(IamPairs.differences(EXPECTED, IamPairs.byRole(Template.fromStack(copy)))).containsExactly(
                "JobsWorker may dynamodb:DeleteItem on arn:aws:dynamodb:us-east-1:123456789012:table/other (not expected)",
                "Redirect may s3:* on * (not expected)");
    }

    @Test
    void aGrantThatGoesMissingFailsToo() {
        Map<String, Set<String>> actual = IamPairs.byRole(Template.fromStack(stack("dev")));
        Set<String> redirect = new TreeSet<>(actual.get("Redirect"));
        redirect.remove("dynamodb:UpdateItem on Tablesvisits.Arn");
        actual.put("Redirect", redirect);
        assertThat(IamPairs.differences(EXPECTED, actual)).containsExactly("Redirect lacks dynamodb:UpdateItem on Tablesvisits.Arn");
    }
}
