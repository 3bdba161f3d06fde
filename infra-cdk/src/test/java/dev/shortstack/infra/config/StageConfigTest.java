package dev.shortstack.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.infra.ShortstackApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageConfigTest {

    @Test
    void bothShippedStagesAreDeployable() {
        assertThat(StageConfig.load(ShortstackApp.STAGES_FILE, "dev").dynamodb().onDemand()).isTrue();
        assertThat(StageConfig.load(ShortstackApp.STAGES_FILE, "prod").function("redirect").provisionedConcurrency()).isNotNull();
    }

    @Test
    void aMissingOrUnknownStageNamesTheStagesThatExist() {
        assertThatThrownBy(() -> StageConfig.load(ShortstackApp.STAGES_FILE, null)).hasMessageContaining("-c stage=").hasMessageContaining("dev");
        assertThatThrownBy(() -> StageConfig.load(ShortstackApp.STAGES_FILE, "staging")).hasMessageContaining("[dev, prod]");
    }

    @Test
    void settingsThatCannotDeployAreRefusedEachByName(@TempDir Path dir) throws IOException {
        String prod = Files.readString(ShortstackApp.STAGES_FILE)
                .replace("\"snapStart\": false", "\"snapStart\": true")
                .replace("\"logRetentionDays\": 90", "\"logRetentionDays\": 42")
                .replace("\"monthlyLimitUsd\": 200", "\"monthlyLimitUsd\": 0")
                .replace("\"ephemeralStorageMb\": 2048", "\"ephemeralStorageMb\": 256")
                .replace("\"bytesScannedCutoffPerQuery\": 10737418240", "\"bytesScannedCutoffPerQuery\": 1048576");
        Path file = dir.resolve("stages.json");
        Files.writeString(file, prod);

        assertThatThrownBy(() -> StageConfig.load(file, "prod"))
                .hasMessageContaining("SnapStart together with provisioned concurrency")
                .hasMessageContaining("logRetentionDays must be one of")
                .hasMessageContaining("budget needs a positive monthlyLimitUsd")
                .hasMessageContaining("stats-api.ephemeralStorageMb must be 512..10240")
                .hasMessageContaining("athena.bytesScannedCutoffPerQuery must be at least 10000000");
    }

    @Test
    void aMistypedSettingIsNotSilentlyIgnored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stages.json");
        Files.writeString(file, Files.readString(ShortstackApp.STAGES_FILE).replace("\"burstLimit\": 100", "\"burstLimmit\": 100"));

        assertThatThrownBy(() -> StageConfig.load(file, "dev")).hasMessageContaining("burstLim");
    }
}
