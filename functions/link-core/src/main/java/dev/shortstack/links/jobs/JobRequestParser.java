package dev.shortstack.links.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.links.request.FieldReader;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Validates import and export requests, reporting every invalid field at once. */
public final class JobRequestParser {
    private static final Set<String> IMPORT_FIELDS = Set.of("format", "defaultTags", "onInvalidSlug", "sizeBytes");
    private static final Set<String> EXPORT_FIELDS = Set.of("type", "format", "from", "to");

    private final ImportLimits limits;

    public JobRequestParser(ImportLimits limits) {
        this.limits = limits;
    }

    public ImportRequest parseImport(ObjectNode body) {
        FieldReader fields = new FieldReader(body, IMPORT_FIELDS);
        ImportFormat format = importFormat(fields, fields.string("format"));
        List<String> defaultTags = defaultTags(fields);
        InvalidSlugPolicy onInvalidSlug = onInvalidSlug(fields, "onInvalidSlug", fields.string("onInvalidSlug"));
        Long size = fields.integer("sizeBytes", 1, Long.MAX_VALUE);
        fields.throwIfInvalid();
        if (size != null && size > limits.maxBytes()) {
            throw tooLarge(size);
        }
        return new ImportRequest(format, defaultTags, onInvalidSlug, size == null ? OptionalLong.empty() : OptionalLong.of(size));
    }

    /** An inline import: the format from {@code ?format=}, else from the content type. */
    public ImportRequest parseInlineImport(String formatParam, String mediaType, String tagsParam, String onInvalidSlugParam,
                                           int bodyBytes) {
        FieldReader fields = new FieldReader(JsonNodeFactory.instance.objectNode(), Set.of());
        ImportFormat format;
        if (formatParam != null) {
            format = importFormat(fields, formatParam);
        } else if (mediaType.equals("application/x-ndjson") || mediaType.equals("application/jsonl")) {
            format = ImportFormat.JSONL;
        } else {
            format = ImportFormat.SHORTSTACK_CSV;
        }
        List<String> tags = new ArrayList<>();
        if (tagsParam != null && !tagsParam.isBlank()) {
            for (String tag : tagsParam.split(",")) {
                if (!LinkRequestParser.isValidTag(tag.trim())) {
                    fields.reject("query.defaultTags", "must be comma-separated tags of 1 to 50 letters, digits, spaces or _ . : / -");
                    break;
                }
                tags.add(tag.trim());
            }
        }
        InvalidSlugPolicy onInvalidSlug = onInvalidSlug(fields, "query.onInvalidSlug", onInvalidSlugParam);
        fields.throwIfInvalid();
        if (bodyBytes > limits.maxBytes()) {
            throw tooLarge(bodyBytes);
        }
        return new ImportRequest(format, List.copyOf(new LinkedHashSet<>(tags)), onInvalidSlug, OptionalLong.of(bodyBytes));
    }

    public ExportRequest parseExport(ObjectNode body) {
        FieldReader fields = new FieldReader(body, EXPORT_FIELDS);
        String rawType = fields.string("type");
        ExportType type = null;
        if (rawType == null && !fields.hasErrorFor("type")) {
            fields.reject("type", "is required: links, stats or clicks");
        } else if (rawType != null) {
            type = ExportType.fromWire(rawType).orElse(null);
            if (type == null) {
                fields.reject("type", "must be links, stats or clicks");
            }
        }
        String rawFormat = fields.string("format");
        ExportFormat format = ExportFormat.CSV;
        if (rawFormat != null) {
            format = ExportFormat.fromWire(rawFormat).orElse(null);
            if (format == null) {
                fields.reject("format", "must be csv or jsonl");
            }
        }
        LocalDate from = day(fields, "from");
        LocalDate to = day(fields, "to");
        if (from != null && to != null && to.isBefore(from)) {
            fields.reject("to", "must not be before from");
        }
        if (type != null && type.needsRange()) {
            if (from == null && !fields.hasErrorFor("from")) {
                fields.reject("from", "is required for a " + type.wireName() + " export (a UTC day such as 2026-11-01)");
            }
            if (to == null && !fields.hasErrorFor("to")) {
                fields.reject("to", "is required for a " + type.wireName() + " export (a UTC day such as 2026-11-30)");
            }
            if (from != null && to != null && !to.isBefore(from) && from.plusDays(ExportType.MAX_DAYS).isBefore(to.plusDays(1))) {
                fields.reject("to", "the range may cover at most " + ExportType.MAX_DAYS + " days");
            }
        }
        fields.throwIfInvalid();
        return new ExportRequest(type, format, from, to);
    }

    private static ImportFormat importFormat(FieldReader fields, String raw) {
        if (raw == null) {
            if (!fields.hasErrorFor("format")) {
                fields.reject("format", "is required: one of " + ImportFormat.wireNames());
            }
            return null;
        }
        return ImportFormat.fromWire(raw).orElseGet(() -> fields.reject("format", "must be one of " + ImportFormat.wireNames()));
    }

    private static InvalidSlugPolicy onInvalidSlug(FieldReader fields, String field, String raw) {
        if (raw == null) {
            return InvalidSlugPolicy.REJECT;
        }
        return InvalidSlugPolicy.fromWire(raw).orElseGet(() -> {
            fields.reject(field, "must be one of " + InvalidSlugPolicy.wireNames());
            return InvalidSlugPolicy.REJECT;
        });
    }

    private static List<String> defaultTags(FieldReader fields) {
        List<String> raw = fields.strings("defaultTags", LinkRequestParser.MAX_TAGS);
        if (raw == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = raw.get(i).trim();
            if (!LinkRequestParser.isValidTag(tag)) {
                fields.reject("defaultTags[" + i + "]", "must be 1 to 50 letters, digits, spaces or _ . : / -");
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }

    private static LocalDate day(FieldReader fields, String name) {
        String raw = fields.string(name);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            return fields.reject(name, "must be a date such as 2026-11-28");
        }
    }

    private ApiProblem tooLarge(long size) {
        return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE,
                "The file is " + size + " bytes; imports may be at most " + limits.maxBytes() + " bytes. Split it into several imports.");
    }
}
