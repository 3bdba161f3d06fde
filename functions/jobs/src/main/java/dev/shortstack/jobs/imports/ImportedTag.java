package dev.shortstack.jobs.imports;

import dev.shortstack.links.links.LinkRequestParser;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fits a tag from another shortener into Shortstack's tag rules (1 to 50 letters, digits, spaces or
 * {@code _ . : / -}) instead of refusing its row: each run of other characters becomes {@code -}, or a
 * space where it touches one, and the ends are trimmed ({@code R&D} → {@code R-D}, {@code Q2 (EMEA)}
 * → {@code Q2 EMEA}); a tag with nothing left is dropped.
 */
final class ImportedTag {
    private static final int MAX_LENGTH = 50;
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{N} _.:/-]+");
    private static final Pattern DASHES_AT_A_SPACE = Pattern.compile("\\s*-+\\s+|\\s+-+\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ENDS = Pattern.compile("^[\\s-]+|[\\s-]+$");

    private ImportedTag() {
    }

    /** @return the tag as Shortstack can keep it, or empty when nothing of it fits */
    static Optional<String> fit(String tag) {
        if (LinkRequestParser.isValidTag(tag)) {
            return Optional.of(tag);
        }
        String fitted = NOT_ALLOWED.matcher(tag).replaceAll("-");
        fitted = DASHES_AT_A_SPACE.matcher(fitted).replaceAll(" ");
        fitted = SPACES.matcher(fitted).replaceAll(" ");
        fitted = ENDS.matcher(fitted).replaceAll("");
        if (fitted.codePointCount(0, fitted.length()) > MAX_LENGTH) {
            // By code points, as the tag rule counts: a letter outside the BMP is never cut in half.
            fitted = ENDS.matcher(fitted.substring(0, fitted.offsetByCodePoints(0, MAX_LENGTH))).replaceAll("");
        }
        return LinkRequestParser.isValidTag(fitted) ? Optional.of(fitted) : Optional.empty();
    }
}
