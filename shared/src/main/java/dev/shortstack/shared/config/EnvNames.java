package dev.shortstack.shared.config;

/** The environment variables the functions read: one list, used by the CDK app and the local runner. */
public final class EnvNames {
    public static final String REGION = "AWS_REGION";
    /** The SDK's own endpoint override; {@code AWS_ENDPOINT_URL_<SERVICE>} overrides it per service. */
    public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    public static final String LINKS_TABLE = "LINKS_TABLE";
    public static final String API_KEYS_TABLE = "API_KEYS_TABLE";
    public static final String VISITS_TABLE = "VISITS_TABLE";
    public static final String CLICKS_QUEUE_URL = "CLICKS_QUEUE_URL";
    public static final String CLICK_ARCHIVE_BUCKET = "CLICK_ARCHIVE_BUCKET";
    public static final String STATS_TABLE = "STATS_TABLE";
    public static final String COMPACTION_QUEUE_URL = "COMPACTION_QUEUE_URL";
    public static final String JOBS_TABLE = "JOBS_TABLE";
    public static final String JOBS_QUEUE_URL = "JOBS_QUEUE_URL";
    public static final String JOB_FILES_BUCKET = "JOB_FILES_BUCKET";
    /** Largest import file accepted, in bytes. */
    public static final String IMPORT_MAX_BYTES = "IMPORT_MAX_BYTES";
    /** Most data rows an import file may have. */
    public static final String IMPORT_MAX_ROWS = "IMPORT_MAX_ROWS";
    /** Rows per import chunk: one queue message and one worker invocation each. */
    public static final String IMPORT_CHUNK_ROWS = "IMPORT_CHUNK_ROWS";
    /** Where the stats engine keeps archive files it fetched (default: the temp folder, /tmp in Lambda). */
    public static final String ARCHIVE_CACHE_DIR = "ARCHIVE_CACHE_DIR";
    /** The most the archive file cache may hold on disk, in MB (Lambda's /tmp is 512 MB unless raised). */
    public static final String ARCHIVE_CACHE_MB = "ARCHIVE_CACHE_MB";
    /** DuckDB's memory limit per execution environment, in MB. */
    public static final String QUERY_MEMORY_MB = "QUERY_MEMORY_MB";
    /** The longest a stats query may run before it is cancelled and answered 503. */
    public static final String QUERY_TIMEOUT_SECONDS = "QUERY_TIMEOUT_SECONDS";

    /** Public base of short links, e.g. https://sho.rt; links to it are refused (redirect loops). */
    public static final String SHORT_BASE_URL = "SHORT_BASE_URL";
    /** Short domains besides the default one and the workspace owning each: {@code host=workspace,...} (see ShortDomains). */
    public static final String SHORT_DOMAINS = "SHORT_DOMAINS";
    /** The workspace that owns the default domain's root and not-found settings and its orphan visits (optional). */
    public static final String DEFAULT_DOMAIN_WORKSPACE = "DEFAULT_DOMAIN_WORKSPACE";
    /** Per domain its root and not-found redirects, per workspace its default domain. */
    public static final String DOMAINS_TABLE = "DOMAINS_TABLE";
    /** Comma-separated domains that links may not point to (subdomains included). */
    public static final String BLOCKED_DOMAINS = "BLOCKED_DOMAINS";
    /** How many shards the workspace listing index spreads a workspace over. May grow, never shrink. */
    public static final String LINK_INDEX_SHARDS = "LINK_INDEX_SHARDS";
    /** Secret for the keyed hash of client IPs in click events. */
    public static final String CLICK_IP_HASH_KEY = "CLICK_IP_HASH_KEY";
    /** In AWS: the Secrets Manager secret holding the visitor-hash key, read once at start (never in the environment). */
    public static final String CLICK_IP_HASH_SECRET_ARN = "CLICK_IP_HASH_SECRET_ARN";
    /** In AWS: the secret CloudFront sends in {@code x-origin-verify}; requests without it are refused. */
    public static final String ORIGIN_VERIFY_SECRET_ARN = "ORIGIN_VERIFY_SECRET_ARN";
    /** Locally: the value the runner (standing in for CloudFront) sends in {@code x-origin-verify}. */
    public static final String ORIGIN_VERIFY_VALUE = "ORIGIN_VERIFY_VALUE";
    public static final String REDIRECT_CACHE_SECONDS = "REDIRECT_CACHE_SECONDS";
    public static final String REDIRECT_CACHE_SIZE = "REDIRECT_CACHE_SIZE";
    public static final String PERMANENT_REDIRECT_MAX_AGE = "PERMANENT_REDIRECT_MAX_AGE";
    public static final String WEBHOOKS_TABLE = "WEBHOOKS_TABLE";
    /** Request counters of the API's abuse limits (per key per second, failed authentications per client per minute). */
    public static final String LIMITS_TABLE = "LIMITS_TABLE";
    /** Who did what with keys, webhooks, imports and exports, per workspace. */
    public static final String AUDIT_TABLE = "AUDIT_TABLE";
    public static final String AUDIT_RETENTION_DAYS = "AUDIT_RETENTION_DAYS";
    public static final String API_KEY_REQUESTS_PER_SECOND = "API_KEY_REQUESTS_PER_SECOND";
    public static final String API_AUTH_FAILURES_PER_MINUTE = "API_AUTH_FAILURES_PER_MINUTE";
    /** Events producers raise (a link created, clicks archived, a job finished), fanned out to endpoints. */
    public static final String WEBHOOK_EVENTS_QUEUE_URL = "WEBHOOK_EVENTS_QUEUE_URL";
    /** One message per delivery to one endpoint; retried with backoff through its visibility timeout. */
    public static final String WEBHOOK_DELIVERIES_QUEUE_URL = "WEBHOOK_DELIVERIES_QUEUE_URL";
    /** First retry delay of a failed delivery in seconds; each next one doubles, up to the maximum below. */
    public static final String WEBHOOK_RETRY_BASE_SECONDS = "WEBHOOK_RETRY_BASE_SECONDS";
    public static final String WEBHOOK_RETRY_MAX_SECONDS = "WEBHOOK_RETRY_MAX_SECONDS";
    /** An endpoint whose deliveries have failed for this long, without a success since, is disabled. */
    public static final String WEBHOOK_DISABLE_AFTER_SECONDS = "WEBHOOK_DISABLE_AFTER_SECONDS";
    /** Only for tests and the local runner's {@code --webhooks-allow-loopback}: http targets on 127.0.0.1/::1 are allowed. */
    public static final String WEBHOOK_ALLOW_LOOPBACK = "WEBHOOK_ALLOW_LOOPBACK";
    /** How long a producer trusts its answer to "does this workspace subscribe to this event?". */
    public static final String WEBHOOK_SUBSCRIPTION_CACHE_SECONDS = "WEBHOOK_SUBSCRIPTION_CACHE_SECONDS";

    private EnvNames() {
    }
}
