package dev.shortstack.shared.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path template such as {@code /v1/links/{slug}/stats}: literal segments match themselves, a
 * {@code {name}} segment matches any one non-empty segment.
 */
record PathTemplate(String text, List<String> segments) {

    static PathTemplate parse(String template) {
        if (!template.startsWith("/") || template.contains("//") || template.length() > 1 && template.endsWith("/")) {
            throw new IllegalArgumentException("A path template starts with / and has no empty segment: " + template);
        }
        return new PathTemplate(template, List.of(template.substring(1).split("/", -1)));
    }

    Optional<Map<String, String>> match(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), parts[i]);
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathTemplate that && Arrays.equals(shape(), that.shape());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape());
    }

    /** Variables are equal whatever their names: /a/{x} and /a/{y} are the same route. */
    private String[] shape() {
        return segments.stream().map(s -> s.startsWith("{") ? "{}" : s).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return text;
    }
}
