package dev.shortstack.shared.infra;

/** Attribute names of the audit table. */
public final class AuditAttributes {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";
    public static final String AT = "at";
    public static final String KEY_ID = "keyId";
    public static final String ACTION = "action";
    public static final String TARGET = "target";
    public static final String DETAILS = "details";
    public static final String CLIENT = "client";

    private AuditAttributes() {
    }
}
