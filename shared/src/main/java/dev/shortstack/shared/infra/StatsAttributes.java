package dev.shortstack.shared.infra;

/** Attribute names of the stats table. */
public final class StatsAttributes {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String HUMAN = "human";
    public static final String BOT = "bot";
    /** A DataSketches HLL sketch of the day's visitor hashes. */
    public static final String SKETCH = "hll";
    public static final String VERSION = "version";
    /** On a rebuild marker: which generation of rebuilt items is current. */
    public static final String GENERATION = "generation";
    public static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";

    private StatsAttributes() {
    }
}
