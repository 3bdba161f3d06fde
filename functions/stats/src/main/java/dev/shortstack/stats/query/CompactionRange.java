package dev.shortstack.stats.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.request.FieldReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The body of {@code POST /v1/stats/compactions}: {@code {from, to}}, UTC dates, both included. */
public record CompactionRange(LocalDate from, LocalDate to) {

    public static CompactionRange parse(ObjectNode body) {
        FieldReader fields = new FieldReader(body, Set.of("from", "to"));
        LocalDate from = date(fields, "from");
        LocalDate to = date(fields, "to");
        fields.throwIfInvalid();
        return new CompactionRange(from, to);
    }

    private static LocalDate date(FieldReader fields, String name) {
        String raw = fields.string(name);
        if (raw == null) {
            return fields.hasErrorFor(name) ? null : fields.reject(name, "is required, e.g. 2026-11-27");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            return fields.reject(name, "must be a date such as 2026-11-27");
        }
    }
}
