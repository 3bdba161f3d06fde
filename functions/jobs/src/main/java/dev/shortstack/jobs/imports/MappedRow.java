package dev.shortstack.jobs.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An import row as a {@code POST /v1/links} body, plus what the API's create body cannot say.
 *
 * @param warnings things ignored in this row (unknown JSON fields), reported once per job
 */
public record MappedRow(ObjectNode body, boolean disabled, List<String> warnings) {
}
