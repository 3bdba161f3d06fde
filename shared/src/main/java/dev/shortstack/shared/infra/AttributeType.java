package dev.shortstack.shared.infra;

/** DynamoDB key attribute types, without tying the definitions to one SDK or to CDK. */
public enum AttributeType {
    STRING, NUMBER, BINARY
}
