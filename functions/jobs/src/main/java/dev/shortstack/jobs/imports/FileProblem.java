package dev.shortstack.jobs.imports;

/** Why a whole import file cannot be read (wrong format, encoding, size): the job fails with this reason. */
public final class FileProblem extends RuntimeException {
    public FileProblem(String reason) {
        super(reason, null, false, false);
    }
}
