package dev.shortstack.shared.infra;

/** Attribute names of the limits table. */
public final class LimitAttributes {
    public static final String PK = "pk";
    public static final String COUNT = "count";
    public static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";

    private LimitAttributes() {
    }
}
