package dev.shortstack.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** The cdk-nag suppressions recorded in a template's metadata. */
final class NagMetadata {
    private NagMetadata() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> suppressions(Template template) {
        List<Map<String, Object>> found = new ArrayList<>();
        Map<String, Object> json = (Map<String, Object>) template.toJSON();
        Object stackMetadata = json.get("Metadata");
        collect(stackMetadata, found);
        ((Map<String, Object>) json.get("Resources")).values()
                .forEach(resource -> collect(((Map<String, Object>) resource).get("Metadata"), found));
        return found;
    }

    /** The suppressions recorded for the whole stack (not on a resource). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> stackSuppressions(Template template) {
        List<Map<String, Object>> found = new ArrayList<>();
        collect(((Map<String, Object>) template.toJSON()).get("Metadata"), found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object metadata, List<Map<String, Object>> found) {
        if (metadata instanceof Map<?, ?> map && map.get("cdk_nag") instanceof Map<?, ?> nag
                && nag.get("rules_to_suppress") instanceof List<?> rules) {
            rules.forEach(rule -> found.add((Map<String, Object>) rule));
        }
    }
}
