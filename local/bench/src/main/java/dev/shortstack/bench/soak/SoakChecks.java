package dev.shortstack.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The soak's verdict, from the outside, once everything is quiet; each check prints PASS or FAIL with what it saw. */
final class SoakChecks {
    private final SoakClient client;
    private final SoakLedger ledger;
    private final List<String> stable;
    private final SoakReport report;

    SoakChecks(SoakClient client, SoakLedger ledger, List<String> stable, SoakReport report) {
        this.client = client;
        this.ledger = ledger;
        this.stable = stable;
        this.report = report;
    }

    boolean run() throws Exception {
        boolean passed = clicksCountedExactlyOnce();
        passed &= linksAreAsAnswered();
        passed &= importsFinishedWithTheirRows();
        passed &= noFailureOutsideAFault();
        return passed;
    }

    private boolean clicksCountedExactlyOnce() throws Exception {
        Map<String, Long> answered = new TreeMap<>();
        report.answers().stream().filter(a -> a.op().equals("redirect") && a.status() == 302).forEach(a -> answered.merge(a.key(), 1L, Long::sum));
        // The stable links' counts in one query (GET /v1/stats/links takes up to 100 slugs).
        Map<String, Long> counted = new TreeMap<>();
        for (JsonNode link : read("/v1/stats/links?slugs=" + String.join(",", stable)).path("links")) {
            counted.put(link.path("slug").asText(), link.path("human").asLong() + link.path("bot").asLong());
        }
        List<String> wrong = new ArrayList<>();
        long total = 0;
        for (String slug : stable) {
            long expected = answered.getOrDefault(slug, 0L);
            total += expected;
            if (!Long.valueOf(expected).equals(counted.get(slug))) {
                wrong.add(slug + ": " + expected + " answered 302, " + counted.get(slug) + " counted");
            }
        }
        return verdict("every redirect answered 302 counted exactly once (" + total + " redirects)", wrong);
    }

    private boolean linksAreAsAnswered() throws Exception {
        Map<String, String> present = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        // Every link as the list has it now, page by page: a few requests instead of one per link.
        String cursor = null;
        do {
            JsonNode page = read("/v1/links?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            for (JsonNode link : page.path("items")) {
                if (present.put(link.path("slug").asText(), link.path("url").asText()) != null) {
                    wrong.add(link.path("slug").asText() + ": listed twice");
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        for (Map.Entry<String, String> link : ledger.created().entrySet()) {
            String url = present.get(link.getKey());
            boolean deleted = ledger.deleted().contains(link.getKey());
            if (deleted && url != null) {
                wrong.add(link.getKey() + ": deleted (204) but still there");
            } else if (!deleted && url == null && !ledger.maybeDeleted(link.getKey())) {
                wrong.add(link.getKey() + ": created (201) but missing");
            } else if (!deleted && url != null && !url.equals(link.getValue()) && !ledger.maybeUrls(link.getKey()).contains(url)) {
                wrong.add(link.getKey() + ": has " + url + ", expected " + link.getValue());
            }
        }
        for (Map.Entry<String, String> link : ledger.uncertain().entrySet()) {
            String url = present.get(link.getKey());
            if (url != null && !url.equals(link.getValue())) {
                wrong.add(link.getKey() + ": created without a clear answer, and holds something else than was sent");
            }
        }
        return verdict("every link answered 201 is as sent or last edited, every 204 gone, nothing half-written ("
                + ledger.created().size() + " created, " + ledger.deleted().size() + " deleted, " + ledger.uncertain().size()
                + " without a clear answer)", wrong);
    }

    private boolean importsFinishedWithTheirRows() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> job : ledger.imports().entrySet()) {
            JsonNode read = SoakClient.json(client.now("GET", "/v1/jobs/" + job.getKey(), null));
            if (!read.path("status").asText().equals("succeeded") || read.path("progress").path("rowsSucceeded").asInt() != job.getValue()) {
                wrong.add(job.getKey() + ": " + read.path("status").asText() + " with " + read.path("progress").path("rowsSucceeded").asInt()
                        + " of " + job.getValue() + " rows");
            }
        }
        return verdict("every accepted import finished with exact counts (" + ledger.imports().size() + " imports)", wrong);
    }

    private boolean noFailureOutsideAFault() {
        List<String> wrong = new ArrayList<>();
        report.failuresOutsideFaults().forEach(a -> wrong.add("outside every fault: " + a.op() + " " + a.key() + " answered " + a.status()
                + (a.error() == null ? "" : " (" + a.error() + ")")));
        report.unexplainedFailuresInFaults().forEach(a -> wrong.add("in a fault: " + a.op() + " " + a.key() + " answered " + a.status()
                + (a.retryAfter() ? "" : " without Retry-After") + (a.error() == null ? "" : " (" + a.error() + ")")));
        if (report.crashedAnswers().size() > report.crashesInjected()) {
            wrong.add(report.crashedAnswers().size() + " answers lost to crashed environments, " + report.crashesInjected() + " crashed");
        }
        return verdict("no 5xx outside the fault windows; inside them 503 with Retry-After, or 500 for each of the "
                + report.crashesInjected() + " links-API environments crashed (" + report.crashedAnswers().size() + " seen)", wrong);
    }

    /** A read the checks cannot do without: anything but 200 stops them. */
    private JsonNode read(String path) throws Exception {
        HttpResponse<String> response = client.now("GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return SoakClient.json(response);
    }

    private static boolean verdict(String check, List<String> wrong) {
        System.out.println((wrong.isEmpty() ? "PASS " : "FAIL ") + check);
        wrong.stream().limit(20).forEach(line -> System.out.println("  " + line));
        if (wrong.size() > 20) {
            System.out.println("  … and " + (wrong.size() - 20) + " more");
        }
        return wrong.isEmpty();
    }
}
