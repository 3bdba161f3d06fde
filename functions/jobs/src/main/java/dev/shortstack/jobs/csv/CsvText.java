package dev.shortstack.jobs.csv;

/** Writing CSV fields (RFC 4180): quoted when they hold a comma, quote or line break. */
public final class CsvText {
    private CsvText() {
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
