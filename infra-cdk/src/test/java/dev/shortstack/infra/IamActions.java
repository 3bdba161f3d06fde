package dev.shortstack.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
        for (Map<String, Object> statement : roleStatements(template, rolePrefix)) {
            String target = resourceName(statement.get("Resource").toString());
            actions.computeIfAbsent(target, k -> new TreeSet<>()).addAll(actionsOf(statement));
        }
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

    /** Every action of one function's role, whatever the resource. */
    static Set<String> allOf(Template template, String rolePrefix) {
        Set<String> all = new TreeSet<>();
        byResource(template, rolePrefix).values().forEach(all::addAll);
        return all;
    }

    /**
     * @param bucket the bucket's logical id without its hash, e.g. "Bucketsclickarchive"
     * @return the object actions the role has in that bucket, per key pattern ("clicks/*", …)
     */
    static Map<String, Set<String>> onObjects(Template template, String rolePrefix, String bucket) {
        Map<String, Set<String>> byKeys = new TreeMap<>();
        roleStatements(template, rolePrefix).forEach(statement -> resources(statement).forEach(resource ->
                keyPatternIn(resource, bucket).ifPresent(keys ->
                        byKeys.computeIfAbsent(keys, k -> new TreeSet<>()).addAll(actionsOf(statement)))));
        return byKeys;
    }

    /**
     * @return the key prefixes (the {@code s3:prefix} condition's values) under which the role may
     *         list the bucket; "*" when it may list without a condition
     */
    @SuppressWarnings("unchecked")
    static Set<String> listablePrefixes(Template template, String rolePrefix, String bucket) {
        Set<String> prefixes = new TreeSet<>();
        roleStatements(template, rolePrefix).stream()
                .filter(statement -> actionsOf(statement).contains("s3:ListBucket"))
                .filter(statement -> resources(statement).stream().anyMatch(r -> r.toString().contains(bucket)))
                .forEach(statement -> {
                    Map<String, Object> condition = (Map<String, Object>) statement.get("Condition");
                    if (condition == null) {
                        prefixes.add("*");
                        return;
                    }
                    Object values = ((Map<String, Object>) condition.get("StringLike")).get("s3:prefix");
                    prefixes.addAll(values instanceof List<?> list ? (List<String>) list : List.of((String) values));
                });
        return prefixes;
    }

    private static List<Map<String, Object>> roleStatements(Template template, String rolePrefix) {
        List<Map<String, Object>> found = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            if (id.startsWith(rolePrefix + "Role")) {
                found.addAll(statements(policy));
            }
        });
        return found;
    }

    private static List<Object> resources(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        return resource instanceof List<?> list ? new ArrayList<>(list) : List.of(resource);
    }

    /** {"Fn::Join": ["", [{"Fn::GetAtt": ["<bucket>…", "Arn"]}, "/clicks/*"]]} gives "clicks/*". */
    @SuppressWarnings("unchecked")
    private static Optional<String> keyPatternIn(Object resource, String bucket) {
        if (resource instanceof Map<?, ?> map && map.get("Fn::Join") instanceof List<?> join
                && join.get(1) instanceof List<?> parts && parts.size() == 2
                && parts.get(0).toString().contains(bucket) && parts.get(1) instanceof String keys && keys.startsWith("/")) {
            return Optional.of(keys.substring(1));
        }
        return Optional.empty();
    }

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
        names.put("Queuescompactions", "compactions");
        names.put("Bucketsclickarchive", "click-archive");
        names.put("Tablesjobs", "jobs");
        names.put("Queuesjobs", "jobs-queue");
        names.put("Bucketsjobfiles", "job-files");
        names.put("Tableswebhooks", "webhooks");
        names.put("Queueswebhookevents", "webhook-events");
        names.put("Queueswebhookdeliveries", "webhook-deliveries");
        names.put("VisitorHashKey", "visitor-hash-key");
        names.put("OriginVerifySecret", "origin-secret");
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (resource.contains(name.getKey())) {
                return name.getValue();
            }
        }
        return resource.contains("Logs") ? "logs" : resource;
    }
}
