package dev.shortstack.jobs.imports;

import dev.shortstack.links.jobs.ImportFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a CSV header maps onto link fields, per format (docs/imports.md lists the mappings).
 * Header names match case-insensitively and ignoring spaces, underscores and dashes, so
 * {@code Long URL}, {@code long_url} and {@code longUrl} are one column.
 */
public final class ColumnMapping {
    private static final Map<ImportFormat, Map<String, Column>> FORMATS = Map.of(
            ImportFormat.SHORTSTACK_CSV, Map.ofEntries(
                    Map.entry("url", Column.URL),
                    Map.entry("slug", Column.SLUG),
                    Map.entry("tags", Column.TAGS),
                    Map.entry("expiresat", Column.EXPIRES_AT),
                    Map.entry("maxvisits", Column.MAX_VISITS),
                    Map.entry("redirecttype", Column.REDIRECT_TYPE),
                    Map.entry("disabled", Column.DISABLED),
                    Map.entry("title", Column.TITLE),
                    Map.entry("description", Column.DESCRIPTION),
                    Map.entry("fallbackurl", Column.FALLBACK_URL),
                    Map.entry("shorturl", Column.SKIPPED),
                    Map.entry("createdat", Column.SKIPPED),
                    Map.entry("updatedat", Column.SKIPPED)),
            ImportFormat.BITLY_CSV, Map.ofEntries(
                    Map.entry("longurl", Column.URL),
                    Map.entry("link", Column.SLUG_FROM_SHORT_URL),
                    Map.entry("shortlink", Column.SLUG_FROM_SHORT_URL),
                    Map.entry("bitlink", Column.SLUG_FROM_SHORT_URL),
                    Map.entry("custombitlink", Column.SLUG_FROM_SHORT_URL),
                    Map.entry("tags", Column.TAGS),
                    Map.entry("archived", Column.DISABLED),
                    Map.entry("title", Column.TITLE),
                    Map.entry("id", Column.SKIPPED),
                    Map.entry("created", Column.SKIPPED),
                    Map.entry("createdat", Column.SKIPPED),
                    Map.entry("createddate", Column.SKIPPED),
                    Map.entry("clicks", Column.SKIPPED),
                    Map.entry("totalclicks", Column.SKIPPED),
                    Map.entry("engagements", Column.SKIPPED),
                    Map.entry("groupguid", Column.SKIPPED),
                    Map.entry("domain", Column.SKIPPED)),
            ImportFormat.SHLINK_CSV, Map.ofEntries(
                    Map.entry("longurl", Column.URL),
                    Map.entry("shortcode", Column.SLUG),
                    Map.entry("tags", Column.TAGS),
                    Map.entry("validuntil", Column.EXPIRES_AT),
                    Map.entry("maxvisits", Column.MAX_VISITS),
                    Map.entry("title", Column.TITLE),
                    Map.entry("domain", Column.DROPPED),
                    Map.entry("shorturl", Column.SKIPPED),
                    Map.entry("createdat", Column.SKIPPED),
                    Map.entry("datecreated", Column.SKIPPED),
                    Map.entry("visits", Column.SKIPPED),
                    Map.entry("visitscount", Column.SKIPPED),
                    Map.entry("validsince", Column.SKIPPED)));

    private final ImportFormat format;
    private final List<String> header;
    private final List<Column> columns;
    private final List<String> warnings;

    private ColumnMapping(ImportFormat format, List<String> header, List<Column> columns, List<String> warnings) {
        this.format = format;
        this.header = List.copyOf(header);
        this.columns = List.copyOf(columns);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @throws FileProblem when the header is not the declared format's: another format knows more of its
     *                     columns (named, so the file can be imported as what it is), no URL column, or two
     */
    public static ColumnMapping of(ImportFormat format, List<String> header) {
        lookAlike(format, header).ifPresent(other -> {
            Map<String, Column> theirs = FORMATS.get(other);
            Map<String, Column> ours = FORMATS.get(format);
            List<String> telling = header.stream()
                    .filter(name -> theirs.containsKey(normalise(name)) && !ours.containsKey(normalise(name))).toList();
            throw new FileProblem("This looks like a " + other.wireName() + " file, not " + format.wireName() + ": its header has "
                    + String.join(", ", telling) + ". Import it with the format " + other.wireName()
                    + "; docs/imports.md lists each format's columns.");
        });
        Map<String, Column> known = FORMATS.get(format);
        List<Column> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Map<Column, String> seen = new HashMap<>();
        for (String name : header) {
            Column column = known.getOrDefault(normalise(name), null);
            if (column == null) {
                unknown.add(name);
                column = Column.SKIPPED;
            } else if (column == Column.DROPPED) {
                dropped.add(name);
            }
            if (column != Column.SKIPPED && column != Column.DROPPED) {
                String earlier = seen.putIfAbsent(column == Column.SLUG_FROM_SHORT_URL ? Column.SLUG : column, name);
                if (earlier != null) {
                    throw new FileProblem("The header names the same field twice: '" + earlier + "' and '" + name + "'.");
                }
            }
            columns.add(column);
        }
        if (!seen.containsKey(Column.URL)) {
            String expected = known.entrySet().stream().filter(e -> e.getValue() == Column.URL).map(Map.Entry::getKey)
                    .sorted().findFirst().orElseThrow();
            throw new FileProblem("This is not a " + format.wireName() + " file: its header (" + String.join(", ", header)
                    + ") has no '" + expected + "' column. Check the declared format; docs/imports.md lists each format's columns.");
        }
        List<String> warnings = new ArrayList<>();
        if (!unknown.isEmpty()) {
            warnings.add("Unknown columns ignored: " + String.join(", ", new TreeSet<>(unknown)));
        }
        if (!dropped.isEmpty()) {
            warnings.add("Columns Shortstack does not keep: " + String.join(", ", new TreeSet<>(dropped)));
        }
        return new ColumnMapping(format, header, columns, warnings);
    }

    /**
     * The CSV format that knows more of this header's columns than the declared one and has its URL
     * column, if any: a Shlink export declared as bitly-csv would otherwise import with random slugs.
     */
    private static Optional<ImportFormat> lookAlike(ImportFormat declared, List<String> header) {
        long ours = known(declared, header);
        if (ours == header.size()) {
            return Optional.empty();
        }
        return FORMATS.keySet().stream()
                .filter(other -> other != declared)
                .filter(other -> header.stream().anyMatch(name -> FORMATS.get(other).get(normalise(name)) == Column.URL))
                .filter(other -> known(other, header) > ours)
                .max(Comparator.comparingLong(other -> known(other, header)));
    }

    private static long known(ImportFormat format, List<String> header) {
        Map<String, Column> columns = FORMATS.get(format);
        return header.stream().filter(name -> columns.containsKey(normalise(name))).count();
    }

    public ImportFormat format() {
        return format;
    }

    public List<String> header() {
        return header;
    }

    List<Column> columns() {
        return columns;
    }

    public List<String> warnings() {
        return warnings;
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
