package dev.shortstack.shared.infra;

/** Attribute names of the webhooks table: endpoints and their delivery log. */
public final class WebhookAttributes {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";

    public static final String WORKSPACE_ID = "workspaceId";
    public static final String ENDPOINT_ID = "endpointId";
    public static final String URL = "url";
    public static final String EVENTS = "events";
    public static final String DESCRIPTION = "description";
    public static final String SECRET = "secret";
    public static final String PREVIOUS_SECRET = "previousSecret";
    public static final String PREVIOUS_SECRET_EXPIRES_AT = "previousSecretExpiresAt";
    public static final String STATUS = "status";
    public static final String FAILING_SINCE = "failingSince";
    public static final String DISABLED_AT = "disabledAt";
    public static final String DISABLED_REASON = "disabledReason";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    public static final String DELIVERY_ID = "deliveryId";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    /** The posted body, gzip-compressed. */
    public static final String PAYLOAD_GZ = "payloadGz";
    public static final String ATTEMPTS = "attempts";
    public static final String ATTEMPT_LOG = "attemptLog";
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    /** The next attempt's time as epoch millis, for the lease's "is it due" comparison. */
    public static final String DUE_AT_MILLIS = "dueAtMillis";
    public static final String LEASE_UNTIL = "leaseUntil";
    public static final String REDELIVERY_OF = "redeliveryOf";

    private WebhookAttributes() {
    }
}
