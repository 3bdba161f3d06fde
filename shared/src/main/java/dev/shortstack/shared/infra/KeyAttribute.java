package dev.shortstack.shared.infra;

public record KeyAttribute(String name, AttributeType type) {
    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, AttributeType.STRING);
    }
}
