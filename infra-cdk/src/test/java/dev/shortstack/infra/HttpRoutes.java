package dev.shortstack.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Follows an HTTP API route of a template to the Lambda alias it invokes. */
final class HttpRoutes {
    private HttpRoutes() {
    }

    /**
     * @param routeKey e.g. "GET /v1/links/{slug}/stats"
     * @return the logical id of the alias behind the route, e.g. "StatsApiLive1A2B3C4D"
     */
    @SuppressWarnings("unchecked")
    static String aliasOf(Template template, String routeKey) {
        Map<String, Map<String, Object>> routes = template.findResources("AWS::ApiGatewayV2::Route",
                Map.of("Properties", Map.of("RouteKey", routeKey)));
        if (routes.size() != 1) {
            throw new AssertionError("Expected one route '" + routeKey + "', found " + routes.keySet());
        }
        // Target: {"Fn::Join": ["", ["integrations/", {"Ref": "<integration>"}]]}
        Map<String, Object> target = (Map<String, Object>) properties(routes.values().iterator().next()).get("Target");
        List<Object> parts = (List<Object>) ((List<Object>) target.get("Fn::Join")).get(1);
        String integrationId = (String) ((Map<String, Object>) parts.get(1)).get("Ref");
        Map<String, Object> integration = template.findResources("AWS::ApiGatewayV2::Integration").get(integrationId);
        Map<String, Object> uri = (Map<String, Object>) properties(integration).get("IntegrationUri");
        return (String) uri.get("Ref");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
