package dev.shortstack.bench.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The soak's answers minute by minute, its faults with their recovery, and which failing answers fell outside every fault. */
final class SoakReport {
    private static final Set<String> API = Set.of("create", "edit", "delete", "stats", "import", "export");
    private final List<Answer> answers;
    private final List<Fault> faults;
    private final long graceNanos;
    private final long start;

    SoakReport(List<Answer> answers, List<Fault> faults, long graceNanos) {
        this.answers = new ArrayList<>(answers);
        this.answers.sort(Comparator.comparingLong(Answer::startedNanos));
        this.faults = faults;
        this.graceNanos = graceNanos;
        this.start = this.answers.isEmpty() ? 0 : this.answers.get(0).startedNanos();
    }

    List<Answer> answers() {
        return answers;
    }

    List<Fault> faults() {
        return faults;
    }

    /** Answers that are failures (no answer, or 5xx) sent outside every fault's window: there must be none. */
    List<Answer> failuresOutsideFaults() {
        return answers.stream().filter(a -> a.status() == 0 || a.status() >= 500).filter(a -> !inFault(a)).toList();
    }

    /**
     * Failures inside a fault's window that are not a 503 with Retry-After (a 500 means a bug, not an outage) — except the
     * 500s of links-API requests in a crashed-environments window, which {@link #crashedAnswers} counts.
     */
    List<Answer> unexplainedFailuresInFaults() {
        return answers.stream().filter(this::inFault).filter(a -> a.status() == 0 || a.status() >= 500)
                .filter(a -> !(a.status() == 503 && a.retryAfter())).filter(a -> !crashed(a)).toList();
    }

    /** API answers lost to crashed environments (500 in such a window); at most as many as were crashed. */
    List<Answer> crashedAnswers() {
        return answers.stream().filter(this::crashed).toList();
    }

    int crashesInjected() {
        return faults.stream().mapToInt(Fault::apiCrashes).sum();
    }

    private boolean crashed(Answer answer) {
        return answer.status() == 500 && API.contains(answer.op()) && faults.stream()
                .anyMatch(f -> f.kind() == Fault.Kind.ENVIRONMENTS_CRASHED && f.covers(answer.startedNanos(), graceNanos));
    }

    private boolean inFault(Answer answer) {
        return faults.stream().anyMatch(f -> f.covers(answer.startedNanos(), graceNanos));
    }

    String minuteTable() {
        StringBuilder table = new StringBuilder("| minute | requests | redirects/s | redirect p50 ms | redirect p99 ms | API 2xx | 503 | other 5xx | faults begun |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        long last = answers.isEmpty() ? 0 : answers.get(answers.size() - 1).startedNanos();
        for (int minute = 0; start + minute * 60_000_000_000L <= last; minute++) {
            long from = start + minute * 60_000_000_000L;
            long to = from + 60_000_000_000L;
            List<Answer> in = answers.stream().filter(a -> a.startedNanos() >= from && a.startedNanos() < to).toList();
            List<Long> redirectLatencies = in.stream().filter(a -> a.op().equals("redirect")).map(Answer::latencyNanos).sorted().toList();
            long seconds = Math.max(1, Math.min(60, (Math.min(to, last) - from) / 1_000_000_000L));
            table.append(String.format(Locale.ROOT, "| %d | %,d | %.1f | %.1f | %.1f | %,d | %,d | %,d | %d |%n", minute + 1, in.size(),
                    redirectLatencies.size() / (double) seconds, percentile(redirectLatencies, 0.50), percentile(redirectLatencies, 0.99),
                    in.stream().filter(a -> API.contains(a.op()) && a.status() >= 200 && a.status() < 300).count(),
                    in.stream().filter(a -> a.status() == 503).count(),
                    in.stream().filter(a -> a.status() == 0 || (a.status() >= 500 && a.status() != 503)).count(),
                    faults.stream().filter(f -> f.startNanos() >= from && f.startNanos() < to).count()));
        }
        return table.toString();
    }

    String faultTable() {
        StringBuilder table = new StringBuilder("| # | fault | at s | lasted s | working again after s | 503 answers in its window |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            long in503 = answers.stream().filter(a -> a.status() == 503 && f.covers(a.startedNanos(), graceNanos)).count();
            table.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %s | %,d |%n", i + 1, f.kind().name().toLowerCase(Locale.ROOT),
                    (f.startNanos() - start) / 1e9, f.endNanos() == Long.MAX_VALUE ? -1 : (f.endNanos() - f.startNanos()) / 1e9,
                    f.recoveredNanos() < 0 ? "never" : String.format(Locale.ROOT, "%.1f", Math.max(0, f.recoveredNanos() - f.endNanos()) / 1e9),
                    in503));
        }
        return table.toString();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
