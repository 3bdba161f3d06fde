package dev.shortstack.shared.infra;

/** Attribute names of the visits table. */
public final class VisitAttributes {
    public static final String LINK_ID = "linkId";
    public static final String COUNT = "visits";
    public static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";

    private VisitAttributes() {
    }
}
