package dev.shortstack.shared.infra;

/** Attribute names of the stats table's keys and expiry. */
public final class StatsAttributes {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";

    private StatsAttributes() {
    }
}
