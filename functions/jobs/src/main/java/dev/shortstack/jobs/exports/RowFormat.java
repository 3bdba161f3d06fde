package dev.shortstack.jobs.exports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.jobs.csv.CsvText;
import dev.shortstack.links.jobs.ExportFormat;
import dev.shortstack.shared.json.Json;
import java.util.List;

/**
 * Writes rows of named columns as CSV (a header line; lists joined with {@code |}; empty for
 * none) or JSON Lines (one object per row; lists as arrays; nulls left out), so that an export
 * of links reads back as an import.
 */
final class RowFormat {
    private final ExportFormat format;
    private final List<String> columns;

    RowFormat(ExportFormat format, List<String> columns) {
        this.format = format;
        this.columns = List.copyOf(columns);
    }

    String header() {
        return format == ExportFormat.CSV ? String.join(",", columns) + "\n" : "";
    }

    String row(List<?> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + columns.size() + " columns");
        }
        return format == ExportFormat.CSV ? csv(values) : json(values);
    }

    private static String csv(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            line.append(i == 0 ? "" : ",");
            if (value instanceof List<?> list) {
                line.append(CsvText.field(String.join("|", list.stream().map(String::valueOf).toList())));
            } else if (value != null) {
                line.append(CsvText.field(value.toString()));
            }
        }
        return line.append('\n').toString();
    }

    private String json(List<?> values) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            String name = columns.get(i);
            if (value instanceof List<?> list) {
                ArrayNode array = node.putArray(name);
                list.forEach(item -> array.add(String.valueOf(item)));
            } else if (value instanceof Long number) {
                node.put(name, number);
            } else if (value instanceof Integer number) {
                node.put(name, number);
            } else if (value instanceof Boolean bool) {
                node.put(name, bool);
            } else if (value != null) {
                node.put(name, value.toString());
            }
        }
        return node + "\n";
    }
}
