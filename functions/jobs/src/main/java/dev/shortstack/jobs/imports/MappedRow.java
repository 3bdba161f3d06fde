package dev.shortstack.jobs.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An import row as a {@code POST /v1/links} body, plus what the API's create body cannot say.
 *
 * @param warnings things ignored in this row (unknown JSON fields), reported once per job
 * @param changes  what of this row was adapted to Shortstack's rules (a tag, the URL's form), for its
 *                 line in the import report
 */
public record MappedRow(ObjectNode body, boolean disabled, List<String> warnings, List<String> changes) {

    public MappedRow {
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
    }
}
