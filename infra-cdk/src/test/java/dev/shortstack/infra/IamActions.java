package dev.shortstack.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awscdk.assertions.Template;

/** Reads a template's IAM policies: which actions a function's role has, per logical resource. */
final class IamActions {
    private IamActions() {
    }

    /**
     * @param rolePrefix e.g. "Redirect": the policy whose logical id starts with it
     * @return actions keyed by the logical name of the resource they apply to ("links", "visits", "clicks", …)
     */
    static Map<String, List<String>> byResource(Template template, String rolePrefix) {
        Map<String, TreeSet<String>> actions = new LinkedHashMap<>();
        template.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            if (!id.startsWith(rolePrefix + "Role")) {
                return;
            }
            for (Map<String, Object> statement : statements(policy)) {
                String target = resourceName(statement.get("Resource").toString());
                actions.computeIfAbsent(target, k -> new TreeSet<>()).addAll(actionsOf(statement));
            }
        });
        Map<String, List<String>> result = new LinkedHashMap<>();
        actions.forEach((k, v) -> result.put(k, new ArrayList<>(v)));
        return result;
    }

    /**
     * Every action of the app's own policies. CDK's bucket-deployment function (it copies the
     * dashboard's files at deploy time, with CDK's read/write grant on the asset and web-assets
     * buckets) is CDK's, not the app's, and is left out; docs/cdk-nag.md says so.
     */
    static List<String> all(Template template) {
        List<String> all = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").forEach((id, p) -> {
            if (!id.startsWith(CDK_BUCKET_DEPLOYMENT)) {
                statements(p).forEach(s -> all.addAll(actionsOf(s)));
            }
        });
        return all;
    }

    static final String CDK_BUCKET_DEPLOYMENT = "CustomCDKBucketDeployment";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
        return (List<Map<String, Object>>) ((Map<String, Object>) props.get("PolicyDocument")).get("Statement");
    }

    @SuppressWarnings("unchecked")
    private static List<String> actionsOf(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? (List<String>) list : List.of((String) action);
    }

    /** Maps a resource reference to the shared definition's logical name it was built from. */
    private static String resourceName(String resource) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Tableslinks", "links");
        names.put("Tablesapikeys", "api-keys");
        names.put("Tablesvisits", "visits");
        names.put("Tablesstats", "stats");
        names.put("Queuesclicks", "clicks");
        names.put("Queuesrebuilds", "rebuilds");
        names.put("Bucketsclickarchive", "click-archive");
        names.put("Tablesjobs", "jobs");
        names.put("Queuesjobs", "jobs-queue");
        names.put("Bucketsjobfiles", "job-files");
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (resource.contains(name.getKey())) {
                return name.getValue();
            }
        }
        return resource.contains("Logs") ? "logs" : resource;
    }
}
