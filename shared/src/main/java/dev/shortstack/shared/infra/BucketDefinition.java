package dev.shortstack.shared.infra;

public record BucketDefinition(String logicalName, String envVar) {
}
