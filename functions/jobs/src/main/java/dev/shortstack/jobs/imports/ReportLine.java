package dev.shortstack.jobs.imports;

/**
 * A row the import report names: where it is, what it said, what became of it and why.
 *
 * @param outcome {@code refused} (no link), {@code renamed} (a link under a new random slug) or
 *                {@code changed} (a link, with something of the row adapted to Shortstack's rules)
 */
public record ReportLine(long line, String input, Outcome outcome, String detail) {

    public enum Outcome {
        REFUSED("refused"), RENAMED("renamed"), CHANGED("changed");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
