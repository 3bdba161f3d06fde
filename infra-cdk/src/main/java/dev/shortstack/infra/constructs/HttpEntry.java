package dev.shortstack.infra.constructs;

import dev.shortstack.shared.infra.ApiCors;
import software.amazon.awscdk.Duration;
import dev.shortstack.infra.config.LogRetention;
import dev.shortstack.infra.config.StageConfig;
import java.util.List;
import java.util.Map;
import dev.shortstack.shared.infra.ApiRoutes;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API for {@code /v1}, throttled at the stage (a cost ceiling and a flood guard) and
 * access-logged: statistics to the stats API, the rest to the links API. Short links do not pass
 * through it: CloudFront calls the redirect's function URL directly (one front door, one request
 * fee). The local runner emulates exactly these routes.
 */
public final class HttpEntry extends Construct {
    private final HttpApi api;
    private final HttpStage stage;

    public HttpEntry(Construct scope, String id, StageConfig config, ShortstackFunction linksApi, ShortstackFunction statsApi,
                     ShortstackFunction redirect) {
        super(scope, id);
        HttpApi.Builder builder = HttpApi.Builder.create(this, "Api")
                .apiName("shortstack-" + config.name())
                .createDefaultStage(false);
        if (!config.api().corsOrigins().isEmpty()) {
            // API Gateway then answers preflights itself and adds the headers to every answer (the local runner does the same).
            builder.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(config.api().corsOrigins())
                    .allowMethods(ApiCors.ALLOW_METHODS.stream().map(CorsHttpMethod::valueOf).toList())
                    .allowHeaders(ApiCors.ALLOW_HEADERS)
                    .exposeHeaders(ApiCors.EXPOSE_HEADERS)
                    .maxAge(Duration.seconds(ApiCors.MAX_AGE_SECONDS))
                    .build());
        }
        this.api = builder.build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(LogRetention.of(config.logRetentionDays()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(config.api().rateLimitPerSecond())
                        .burstLimit(config.api().burstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.jsonWithStandardFields();
                    }
                })
                .build();
        // One route per entry of ApiRoutes (shared with the local runner); API Gateway answers the most specific,
        // so statistics and the compatibility APIs' figure reads reach the stats function.
        Map<ApiRoutes.Target, HttpLambdaIntegration> integrations = Map.of(
                ApiRoutes.Target.LINKS_API, new HttpLambdaIntegration("LinksApi", linksApi.alias()),
                ApiRoutes.Target.STATS_API, new HttpLambdaIntegration("StatsApi", statsApi.alias()),
                ApiRoutes.Target.REDIRECT, new HttpLambdaIntegration("RedirectUnlock", redirect.alias()));
        for (ApiRoutes.Route route : ApiRoutes.ROUTES) {
            api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integrations.get(route.target()))
                    .build());
        }
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    /** The API's host name, for CloudFront's origin. */
    public String domainName() {
        return Fn.select(2, Fn.split("/", api.getApiEndpoint()));
    }
}
