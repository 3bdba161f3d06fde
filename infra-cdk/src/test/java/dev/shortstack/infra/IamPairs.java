package dev.shortstack.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awscdk.assertions.Template;

/**
 * Every permission of every role the stack defines, as "action on resource" pairs (one per action
 * and resource of each statement, "if {…}" when conditioned, "DENY" when not an Allow), with the
 * template's logical ids made readable: {@code dynamodb:GetItem on Tableslinks.Arn},
 * {@code s3:GetObject on Bucketsclickarchive.Arn/clicks/*}. CDK's own deployment-time custom
 * resources are left out (docs/cdk-nag.md lists what they hold).
 */
final class IamPairs {
    private static final List<String> CDK_OWN = List.of("CustomCDKBucketDeployment", "BucketNotificationsHandler",
            "BucketsjobfilesNotificationsHandler");

    private IamPairs() {
    }

    /** Pairs by role: the policy's logical id up to "Role" (e.g. "Redirect", "WebhookDeliverer"). */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> byRole(Template template) {
        Map<String, Set<String>> roles = new TreeMap<>();
        template.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            if (CDK_OWN.stream().anyMatch(id::startsWith)) {
                return;
            }
            String role = id.contains("Role") ? id.substring(0, id.indexOf("Role")) : id;
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
            for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                String prefix = "Allow".equals(statement.get("Effect")) ? "" : "DENY ";
                String condition = statement.containsKey("Condition") ? " if " + render(statement.get("Condition")) : "";
                for (Object action : list(statement.get("Action"))) {
                    for (Object resource : list(statement.get("Resource"))) {
                        roles.computeIfAbsent(role, r -> new TreeSet<>()).add(prefix + action + " on " + render(resource) + condition);
                    }
                }
            }
        });
        return roles;
    }

    /** What differs, role by role and pair by pair; empty when the roles hold exactly the expected pairs. */
    static List<String> differences(Map<String, Set<String>> expected, Map<String, Set<String>> actual) {
        List<String> differences = new ArrayList<>();
        Set<String> roles = new TreeSet<>(expected.keySet());
        roles.addAll(actual.keySet());
        for (String role : roles) {
            Set<String> want = expected.getOrDefault(role, Set.of());
            Set<String> got = actual.getOrDefault(role, Set.of());
            got.stream().filter(pair -> !want.contains(pair)).forEach(pair -> differences.add(role + " may " + pair + " (not expected)"));
            want.stream().filter(pair -> !got.contains(pair)).forEach(pair -> differences.add(role + " lacks " + pair));
        }
        return differences;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    /** A CloudFormation value as text, logical ids without their hash suffix. */
    @SuppressWarnings("unchecked")
    static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> items) {
            return items.stream().map(IamPairs::render).collect(Collectors.joining(", ", "[", "]"));
        }
        Map<String, Object> map = (Map<String, Object>) value;
        if (map.containsKey("Ref")) {
            String ref = (String) map.get("Ref");
            return ref.startsWith("AWS::") ? "<" + ref + ">" : strip(ref);
        }
        if (map.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = (List<Object>) map.get("Fn::GetAtt");
            return strip((String) getAtt.get(0)) + "." + getAtt.get(1);
        }
        if (map.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) map.get("Fn::Join");
            return ((List<Object>) join.get(1)).stream().map(IamPairs::render).collect(Collectors.joining((String) join.get(0)));
        }
        Map<String, String> rendered = new TreeMap<>();
        map.forEach((k, v) -> rendered.put(k, render(v)));
        return rendered.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String strip(String logicalId) {
        return logicalId.replaceAll("[0-9A-F]{8}$", "");
    }
}
