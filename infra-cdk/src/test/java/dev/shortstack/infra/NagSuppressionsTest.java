package dev.shortstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.infra.config.StageConfig;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * cdk-nag's findings are all decided: no error and no warning is left open, wildcard and
 * managed-policy findings are suppressed one finding pattern at a time (never wholesale), and every
 * suppression, down to each of its {@code appliesTo} patterns, still matches a finding (one that
 * matches nothing is stale or broader than what it was written for).
 */
class NagSuppressionsTest {
    private static final Pattern SUPPRESSED = Pattern.compile("CdkNagSuppression(?:\\[(.*?)])?: (\\S+) was triggered but suppressed.*",
            Pattern.DOTALL);

    private record Finding(String rule, String finding) {
    }

    private static ShortstackStack stack(String stage) {
        return ShortstackApp.build(new App(), StageConfig.load(ShortstackApp.STAGES_FILE, stage), true);
    }

    /** What is wrong with the stack's cdk-nag findings and suppressions; empty when nothing is. */
    @SuppressWarnings("unchecked")
    static List<String> problems(ShortstackStack stack) {
        Template template = Template.fromStack(stack);
        List<String> problems = new ArrayList<>();
        Annotations annotations = Annotations.fromStack(stack);
        annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .forEach(e -> problems.add("open error at " + e.getId() + ": " + e.getEntry().getData()));
        annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .forEach(w -> problems.add("open warning at " + w.getId() + ": " + w.getEntry().getData()));
        List<Finding> suppressed = new ArrayList<>();
        annotations.findInfo("*", Match.stringLikeRegexp(".*was triggered but suppressed.*")).forEach(info -> {
            Matcher m = SUPPRESSED.matcher(String.valueOf(info.getEntry().getData()));
            if (m.matches()) {
                suppressed.add(new Finding(m.group(2), m.group(1)));
            }
        });
        for (Map<String, Object> suppression : NagMetadata.stackSuppressions(template)) {
            if (((List<Object>) suppression.getOrDefault("applies_to", List.of())).isEmpty()) {
                problems.add(suppression.get("id") + " is suppressed for the whole stack; suppress it on the resources it is about");
            }
        }
        for (Map<String, Object> suppression : NagMetadata.suppressions(template)) {
            String rule = (String) suppression.get("id");
            List<Object> appliesTo = (List<Object>) suppression.getOrDefault("applies_to", List.of());
            if (appliesTo.isEmpty()) {
                if (List.of("AwsSolutions-IAM4", "AwsSolutions-IAM5").contains(rule)) {
                    problems.add(rule + " is suppressed wholesale, without appliesTo");
                } else if (suppressed.stream().noneMatch(f -> f.rule().equals(rule))) {
                    problems.add(rule + " is suppressed but matches no finding");
                }
                continue;
            }
            for (Object pattern : appliesTo) {
                boolean matched = suppressed.stream().filter(f -> f.rule().equals(rule) && f.finding() != null)
                        .anyMatch(f -> pattern instanceof Map<?, ?> regex
                                ? Pattern.compile(((String) regex.get("regex")).replaceAll("^/|/$", "")).matcher(f.finding()).matches()
                                : f.finding().equals(pattern));
                if (!matched) {
                    problems.add(rule + " appliesTo " + pattern + " matches no finding");
                }
            }
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyFindingIsDecidedAndEverySuppressionStillMatchesOne(String stage) {
        assertThat(problems(stack(stage))).isEmpty();
    }

    @Test
    void aWholesaleOrAStaleSuppressionInACopyOfTheStackFailsNamingIt() {
        ShortstackStack copy = stack("dev");
        NagSuppressions.addStackSuppressions(copy, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("A test-only suppression of every wildcard, which would hide any new Resource: * grant.").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("A test-only suppression for a bucket prefix no function is granted, as a stale one would be.")
                        .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::<Bucketsclickarchive[0-9A-F]{8}\\.Arn>/exports/\\*$/").build()))
                        .build()));

        assertThat(problems(copy)).containsExactly(
                "AwsSolutions-IAM5 is suppressed for the whole stack; suppress it on the resources it is about",
                "AwsSolutions-IAM5 is suppressed wholesale, without appliesTo",
                "AwsSolutions-IAM5 appliesTo {regex=/^Resource::<Bucketsclickarchive[0-9A-F]{8}\\.Arn>/exports/\\*$/} matches no finding");
    }
}
