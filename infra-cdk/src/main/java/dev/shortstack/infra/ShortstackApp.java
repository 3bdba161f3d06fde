package dev.shortstack.infra;

import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.infra.constructs.CostControls;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/** {@code npx cdk synth -c stage=dev}: one stack per stage, checked by cdk-nag's AWS Solutions rules. */
public final class ShortstackApp {
    public static final Path STAGES_FILE = Path.of("stages.json");

    private ShortstackApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Object stage = app.getNode().tryGetContext("stage");
        build(app, StageConfig.load(STAGES_FILE, stage == null ? null : stage.toString()));
        app.synth();
    }

    public static ShortstackStack build(App app, StageConfig config) {
        return build(app, config, false);
    }

    /** @param logIgnores cdk-nag reports every suppressed finding too (the tests check each suppression still matches one) */
    public static ShortstackStack build(App app, StageConfig config, boolean logIgnores) {
        ShortstackStack stack = new ShortstackStack(app, "Shortstack-" + config.name(), StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(config.region())
                        .build())
                .description("Shortstack link shortener, stage " + config.name())
                .build(), config);
        Tags.of(stack).add(CostControls.STAGE_TAG, config.name());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).logIgnores(logIgnores).build()));
        return stack;
    }
}
