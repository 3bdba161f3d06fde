package dev.shortstack.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.lambda.FixedContext;
import dev.shortstack.shared.observability.Observability;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.MDC;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The plumbing every HTTP API function shares: event in, response out, problem+json for every
 * failure, logging and metrics around each invocation. Subclasses only route and call services.
 */
public abstract class HttpApiFunction implements RequestStreamHandler, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiFunction.class);

    private final Observability observability;
    private final OriginVerifier origin;

    protected HttpApiFunction(Observability observability) {
        this(observability, null);
    }

    /** @param origin refuses requests that did not come through CloudFront; null when there is no CDN in front (tests) */
    protected HttpApiFunction(Observability observability, OriginVerifier origin) {
        this.observability = observability;
        this.origin = origin;
        // With SnapStart, Lambda snapshots after init: priming first puts the warmed-up JVM in the snapshot.
        Core.getGlobalContext().register(this);
    }

    protected abstract HttpApiResponse handle(HttpApiRequest request, Context context);

    /**
     * A request that exercises the function's usual path (parsing, one DynamoDB read, rendering,
     * logging, metrics) without writing anything or emitting a click.
     */
    protected abstract JsonNode primingEvent();

    /** Runs the priming request; @return its response, for tests. */
    public final HttpApiResponse prime(Context context) {
        // Priming runs inside the environment, not through CloudFront: it takes the usual path past the origin check.
        return observability.invocation(context, () -> respond(primingEvent(), context, false));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        HttpApiResponse response = prime(new FixedContext(
                System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function"), "priming", 0, 10));
        LOG.info("Primed before the snapshot: status {}", response.statusCode());
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: AWS clients re-resolve credentials and connections on use.
    }

    protected Observability observability() {
        return observability;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        HttpApiResponse response = observability.invocation(context, () -> respond(event, context, true));
        Json.mapper().writeValue(output, response);
    }

    private HttpApiResponse respond(JsonNode event, Context context, boolean fromOutside) {
        HttpApiRequest request = null;
        try {
            request = HttpApiRequest.fromEvent(event);
            if (fromOutside && origin != null && !origin.verified(request)) {
                observability.count("NotFromCloudFront");
                return Problems.response(ProblemType.NOT_FROM_CDN, "Requests are served through the service's own domain only.", request);
            }
            return handle(request, context);
        } catch (ApiProblem problem) {
            observability.count("ClientError");
            return Problems.response(problem, request);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                LOG.warn("Throttled by {} after retries: {}", e.awsErrorDetails().serviceName(), e.getMessage());
                observability.count("Throttled");
                return Problems.response(new ApiProblem(ProblemType.THROTTLED,
                        "A dependency is throttling requests; retry after a moment.", java.util.List.of(),
                        Map.of("retry-after", "1")), request);
            }
            return internalError(e, request);
        } catch (RuntimeException e) {
            if (UnreachableDependency.is(e)) {
                LOG.warn("A dependency did not answer: {}", e.getMessage());
                observability.count("DependencyUnreachable");
                return Problems.response(new ApiProblem(ProblemType.THROTTLED,
                        "A service this one depends on did not answer; retry after a moment.", java.util.List.of(),
                        Map.of("retry-after", "1")), request);
            }
            return internalError(e, request);
        } finally {
            MDC.clear();
        }
    }

    private HttpApiResponse internalError(RuntimeException e, HttpApiRequest request) {
        LOG.error("Unhandled error", e);
        observability.count("ServerError");
        return Problems.response(ProblemType.INTERNAL,
                "The request failed on our side; it is safe to retry.", request);
    }
}
