package dev.shortstack.links.jobs;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an import does with a row whose slug Shortstack cannot take (too short, characters it does not
 * allow, a reserved word, or taken by another link): refuse the row, or create the link under a new
 * random slug and say so in the import's report (old → new).
 */
public enum InvalidSlugPolicy {
    REJECT("reject"),
    RANDOM("random");

    private final String wireName;

    InvalidSlugPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<InvalidSlugPolicy> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(value)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(InvalidSlugPolicy::wireName).toList());
    }
}
