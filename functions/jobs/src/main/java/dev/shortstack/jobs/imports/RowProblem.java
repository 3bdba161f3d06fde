package dev.shortstack.jobs.imports;

/** Why one row cannot become a link; it goes to the error report and the import goes on. */
public final class RowProblem extends RuntimeException {
    public RowProblem(String reason) {
        super(reason, null, false, false);
    }
}
