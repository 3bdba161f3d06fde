package dev.shortstack.shared.http;

/**
 * Every kind of error the HTTP API answers, with a stable type URI (RFC 9457). Clients may
 * switch on {@link #uri()}; titles are for people and may be reworded.
 */
public enum ProblemType {
    MALFORMED_BODY(400, "malformed-body", "The request body could not be parsed"),
    VALIDATION_FAILED(400, "validation-failed", "The request has invalid fields"),
    INVALID_CURSOR(400, "invalid-cursor", "The pagination cursor is not valid"),
    UNAUTHORIZED(401, "unauthorized", "A valid API key is required"),
    PASSWORD_REQUIRED(401, "password-required", "The link is protected by a password"),
    FORBIDDEN(403, "forbidden", "This API key's role does not allow the operation"),
    NOT_FROM_CDN(403, "not-from-cdn", "Requests must come through the service's domain"),
    NOT_FOUND(404, "not-found", "No such resource"),
    ROUTE_NOT_FOUND(404, "route-not-found", "No such route"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed on this route"),
    SLUG_TAKEN(409, "slug-taken", "The slug is already taken"),
    EDIT_CONFLICT(409, "edit-conflict", "The resource was changed by someone else"),
    LINK_GONE(410, "link-gone", "The link is no longer available"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since you read it"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Send If-Match with the ETag you read"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many wrong passwords; wait before trying again"),
    RATE_LIMITED(429, "rate-limited", "Too many requests; retry after the time Retry-After gives"),
    SELF_REVOCATION(409, "self-revocation", "A key cannot revoke itself"),
    UPLOAD_MISSING(409, "upload-missing", "The import file has not been uploaded"),
    JOB_ENDED(409, "job-ended", "The job has ended already"),
    LIMIT_REACHED(409, "limit-reached", "The workspace has as many of these as it may"),
    ENDPOINT_DISABLED(409, "endpoint-disabled", "The webhook endpoint is disabled"),
    THROTTLED(503, "throttled", "The service is busy; retry shortly"),
    QUERY_LIMIT(503, "query-limit", "The query went over its time or memory limit"),
    INTERNAL(500, "internal", "Internal error");

    private static final String URI_PREFIX = "urn:shortstack:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    public String title() {
        return title;
    }
}
