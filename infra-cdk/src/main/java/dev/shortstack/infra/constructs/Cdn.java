package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.shortstack.shared.infra.ApiRoutes;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.CachedMethods;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestCookieBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import dev.shortstack.shared.infra.DashboardPolicy;
import dev.shortstack.shared.http.ClientAddress;
import dev.shortstack.shared.http.ViewerHost;
import software.amazon.awscdk.services.cloudfront.origins.FunctionUrlOrigin;
import software.amazon.awscdk.services.cloudfront.origins.FunctionUrlOriginWithOACProps;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import dev.shortstack.shared.http.OriginVerifier;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * CloudFront in front of everything: redirects cached only as the function's Cache-Control says,
 * the API never cached and given the viewer's headers, the dashboard from S3 through origin
 * access control; security headers on every answer; HTTP/2 and HTTP/3.
 */
public final class Cdn extends Construct {
    /** What the redirect function reads from a visit (country and address for analytics). */
    static final List<String> REDIRECT_HEADERS = List.of("Accept", "Accept-Language", "Referer", "User-Agent",
            "CloudFront-Viewer-Country", "CloudFront-Viewer-Address");

    private final Distribution distribution;

    /**
     * @param originSecret sent to the API with every request, so the functions can refuse what did not come
     *                     through here (the execute-api endpoint stays reachable, but answers 403)
     */
    /** @param jobFiles where the dashboard uploads import files through presigned URLs (its CSP allows that origin) */
    public Cdn(Construct scope, String id, StageConfig config, HttpEntry http, ShortstackFunction redirect, Bucket webAssets,
               Bucket logs, ISecret originSecret, Bucket jobFiles) {
        super(scope, id);
        // Short links: CloudFront signs its calls to the redirect's function URL (origin access control);
        // the URL takes IAM-signed requests only, so nothing but this distribution can call it.
        FunctionUrl redirectUrl = redirect.alias().addFunctionUrl(FunctionUrlOptions.builder()
                .authType(FunctionUrlAuthType.AWS_IAM)
                .build());
        IOrigin redirectOrigin = FunctionUrlOrigin.withOriginAccessControl(redirectUrl, FunctionUrlOriginWithOACProps.builder()
                .customHeaders(Map.of(OriginVerifier.HEADER, originSecret.getSecretValue().unsafeUnwrap()))
                .build());
        HttpOrigin apiOrigin = HttpOrigin.Builder.create(http.domainName())
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .customHeaders(Map.of(OriginVerifier.HEADER, originSecret.getSecretValue().unsafeUnwrap()))
                .build();
        // Redirects: the key is the short domain, path and query (a link forwards the visit's query into its Location); TTLs
        // come from the function's Cache-Control (no-store for 302/307 and for links with rules). The domain is the header the
        // ViewerHost function writes: a header in the key is also sent to the origin, and the viewer's Host must not be (the
        // function URL answers only to its own).
        CachePolicy redirectCache = CachePolicy.Builder.create(this, "RedirectCache")
                .comment("Short links: honour the origin's Cache-Control; one entry per domain, path and query")
                .defaultTtl(Duration.seconds(0))
                .minTtl(Duration.seconds(0))
                .maxTtl(Duration.days(365))
                .headerBehavior(CacheHeaderBehavior.allowList(ViewerHost.HEADER))
                .queryStringBehavior(CacheQueryStringBehavior.all())
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();
        OriginRequestPolicy redirectRequest = OriginRequestPolicy.Builder.create(this, "RedirectRequest")
                .comment("Short links: the visit's headers for analytics and its query for targeting rules, never the Host")
                .headerBehavior(OriginRequestHeaderBehavior.allowList(REDIRECT_HEADERS.toArray(String[]::new)))
                .queryStringBehavior(OriginRequestQueryStringBehavior.all())
                .cookieBehavior(OriginRequestCookieBehavior.none())
                .build();
        ResponseHeadersPolicy securityHeaders = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("Security headers on every answer")
                .securityHeadersBehavior(securityHeaders(null))
                .build();

        // The dashboard: the same headers and its Content-Security-Policy (its own scripts only, never framed).
        ResponseHeadersPolicy dashboardHeaders = ResponseHeadersPolicy.Builder.create(this, "DashboardHeaders")
                .comment("The dashboard's security headers and Content-Security-Policy")
                .securityHeadersBehavior(securityHeaders(ResponseHeadersContentSecurityPolicy.builder()
                        .contentSecurityPolicy(DashboardPolicy.contentSecurityPolicy(List.of(
                                "https://" + jobFiles.getBucketRegionalDomainName(),
                                "https://" + jobFiles.getBucketDomainName())))
                        .override(true).build()))
                .build();

        // The API's functions limit failed authentications per client: the HTTP API sees the edge's address, so the
        // viewer's goes in a header, written here whatever the client sent.
        Function apiViewerAddress = Function.Builder.create(this, "ApiViewerAddress")
                .comment("Writes the viewer's IP and Host into " + ClientAddress.HEADER + " and " + ViewerHost.HEADER + " for the API")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline("function handler(event) { var request = event.request;"
                        + " request.headers['" + ClientAddress.HEADER + "'] = { value: event.viewer.ip };"
                        // A protected link's password form posts through the API: the domain decides which link it unlocks.
                        + " request.headers['" + ViewerHost.HEADER + "'] = { value: request.headers.host ? request.headers.host.value : '' };"
                        + " return request; }"))
                .build();

        // Short links resolve by the domain the visitor asked for; the redirect's function URL only ever sees its own Host.
        Function viewerHost = Function.Builder.create(this, "ViewerHost")
                .comment("Writes the viewer's Host into " + ViewerHost.HEADER + " for the redirect")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline("function handler(event) { var request = event.request;"
                        + " var host = request.headers.host ? request.headers.host.value : '';"
                        + " request.headers['" + ViewerHost.HEADER + "'] = { value: host }; return request; }"))
                .build();

        // S3 has no directory index: /app/ is the dashboard's index.html.
        Function dashboardIndex = Function.Builder.create(this, "DashboardIndex")
                .comment("Serves /app/ as /app/index.html")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline("function handler(event) { var request = event.request;"
                        + " if (request.uri === '/app/') { request.uri = '/app/index.html'; } return request; }"))
                .build();

        Distribution.Builder distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Shortstack " + config.name())
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.valueOf(priceClassName(config.cdn().priceClass())))
                .enableLogging(true)
                .logBucket(logs)
                .logFilePrefix("cloudfront/")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(redirectOrigin)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                        .cachePolicy(redirectCache)
                        .originRequestPolicy(redirectRequest)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .eventType(FunctionEventType.VIEWER_REQUEST)
                                .function(viewerHost)
                                .build()))
                        .responseHeadersPolicy(securityHeaders)
                        .build())
                .additionalBehaviors(behaviours(apiOrigin, apiViewerAddress, securityHeaders, dashboardHeaders, dashboardIndex, webAssets));
        if (config.customDomain() != null) {
            distribution.domainNames(config.customDomain().allNames())
                    .certificate(Certificate.fromCertificateArn(this, "Certificate", config.customDomain().certificateArn()))
                    .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021);
        }
        this.distribution = distribution.build();
    }

    /**
     * The API's prefixes (ApiRoutes: {@code /v1} and the compatibility APIs) uncached to the HTTP API,
     * {@code /app/*} to the dashboard's bucket. Sorted: CloudFront matches behaviours in this order.
     */
    private static Map<String, BehaviorOptions> behaviours(IOrigin apiOrigin, Function apiViewerAddress, ResponseHeadersPolicy securityHeaders,
                                                         ResponseHeadersPolicy dashboardHeaders, Function dashboardIndex, Bucket webAssets) {
        Map<String, BehaviorOptions> behaviours = new TreeMap<>();
        for (String prefix : ApiRoutes.prefixes()) {
            behaviours.put(prefix + "/*", BehaviorOptions.builder()
                    .origin(apiOrigin)
                    .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                    .allowedMethods(AllowedMethods.ALLOW_ALL)
                    .cachePolicy(CachePolicy.CACHING_DISABLED)
                    .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                    .functionAssociations(List.of(FunctionAssociation.builder()
                            .eventType(FunctionEventType.VIEWER_REQUEST)
                            .function(apiViewerAddress)
                            .build()))
                    .responseHeadersPolicy(securityHeaders)
                    .build());
        }
        behaviours.put("/app/*", BehaviorOptions.builder()
                .origin(S3BucketOrigin.withOriginAccessControl(webAssets))
                .functionAssociations(List.of(FunctionAssociation.builder()
                        .eventType(FunctionEventType.VIEWER_REQUEST)
                        .function(dashboardIndex)
                        .build()))
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                .responseHeadersPolicy(dashboardHeaders)
                .compress(true)
                .build());
        return behaviours;
    }

    /** HSTS, nosniff, no framing and the referrer policy on every answer; the dashboard adds its CSP (null: none). */
    private static ResponseSecurityHeadersBehavior securityHeaders(ResponseHeadersContentSecurityPolicy contentSecurityPolicy) {
        return ResponseSecurityHeadersBehavior.builder()
                .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                        .accessControlMaxAge(Duration.days(730)).includeSubdomains(true).preload(true).override(true).build())
                .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY).override(true).build())
                .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                        .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN).override(false).build())
                .contentSecurityPolicy(contentSecurityPolicy)
                .build();
    }

    public Distribution distribution() {
        return distribution;
    }

    /** "PriceClass_100" in the configuration is the constant PRICE_CLASS_100. */
    private static String priceClassName(String configured) {
        return configured.toUpperCase(java.util.Locale.ROOT).replace("PRICECLASS_", "PRICE_CLASS_");
    }
}
