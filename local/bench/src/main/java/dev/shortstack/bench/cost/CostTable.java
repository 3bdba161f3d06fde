package dev.shortstack.bench.cost;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Prints one profile's result as Markdown: the comparison, where the dollars go, and the facts behind them. */
public final class CostTable {
    private final PrintStream out;
    private final Assumptions assumptions;

    public CostTable(PrintStream out, Assumptions assumptions) {
        this.out = out;
        this.assumptions = assumptions;
    }

    public void print(ProfileResult result) {
        TrafficProfile profile = result.profile();
        out.printf(Locale.ROOT, "%n## %s%n%n", profile.describe());
        String window = profile.wholeDay()
                ? "one whole UTC day (" + profile.windowStart().toString().substring(0, 10) + ")"
                : profile.window().toMinutes() + " minutes from " + profile.windowStart() + " (standing for a day: see the assumptions)";
        out.printf(Locale.ROOT, "Simulated %s: %,d clicks in %,d batches (%.1f clicks a batch, click messages %.0f bytes on average).%n",
                window, result.clicks(), result.batches(), (double) result.clicks() / result.batches(), result.meanMessageBytes());
        out.printf(Locale.ROOT, "New design: %,d raw objects, %,.0f bytes each on average (%.1f bytes a click, gzip JSON Lines by ArchiveCodec).%n",
                result.rawObjects(), (double) result.rawBytes() / result.rawObjects(), (double) result.rawBytes() / result.clicks());
        out.printf(Locale.ROOT, "Old design: %,d counter UpdateItems and %,d sketch merges (GetItem + PutItem); %,d items at the window's end.%n%n",
                result.oldCounterWrites(), result.oldSketchMerges(), result.oldItems());

        Usage.Dollars oldDollars = result.oldDesign().dollarsPerMillionClicks();
        Usage.Dollars newDollars = result.newDesign().dollarsPerMillionClicks();
        out.println("| design | WRU / 1,000 clicks | RRU / 1,000 | S3 tier-1 / 1,000 | S3 GET / 1,000 | Lambda invocations / 1,000"
                + " | Lambda GB-s / 1,000 | queue consume requests / 1,000 | $ per million clicks (analytics)"
                + " | $ per million clicks (queue consume) | new/old (analytics $) |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        row("old: write-time counters", result.oldDesign(), oldDollars, "1");
        row("new: computed on read", result.newDesign(), newDollars, num(newDollars.analytics() / oldDollars.analytics()));

        out.printf(Locale.ROOT, "%nWhere the analytics dollars per million clicks go:%n%n");
        out.println("| design | DynamoDB writes | DynamoDB reads | DynamoDB storage | S3 requests | S3 storage | Lambda requests"
                + " | Lambda duration | compactions queue |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        breakdown("old: write-time counters", oldDollars);
        breakdown("new: computed on read", newDollars);
        double perMillion = 1e6 / result.clicks();
        double newRaw = result.rawBytes() * perMillion / Prices.BYTES_PER_GB;
        out.printf(Locale.ROOT, "%nStored for the month, per million clicks: old %s GB in S3 (the raw archive) + %s GB in DynamoDB;"
                        + " new %s GB in S3 (%s GB raw + %s GB Parquet).%n",
                num(result.oldDesign().s3Bytes * perMillion / Prices.BYTES_PER_GB),
                num(result.oldDesign().dynamoBytes * perMillion / Prices.BYTES_PER_GB),
                num(result.newDesign().s3Bytes * perMillion / Prices.BYTES_PER_GB), num(newRaw),
                num(result.newDesign().s3Bytes * perMillion / Prices.BYTES_PER_GB - newRaw));

        for (CompactionModel.DayCompaction day : result.compactions()) {
            out.printf(Locale.ROOT, "%nCompaction of a day of %,d clicks (new design, %d hourly runs%s, each adding a part): %,d raw-object"
                            + " GETs (each object once), %,d GETs of compacted files (%s), %,d Parquet PUTs of clicks and %,d of rollups;"
                            + " at the end of the day %,d part%s, %,d click file%s; the longest run (hour %02d, %,d clicks) is %,.1f s of"
                            + " work — %s the compactor's %d s timeout.%n",
                    day.clicks(), day.runs(), profile.wholeDay() ? "" : ", every hour of the day like the simulated one", day.rawGets(),
                    day.fileGets(), readBack(day), day.filePuts(), day.rollupPuts(), day.finalParts(), day.finalParts() == 1 ? "" : "s",
                    day.finalFiles(), day.finalFiles() == 1 ? "" : "s", day.longestHour(), day.longestRunClicks(), day.longestRunSeconds(),
                    day.exceedsTimeout() ? "OVER" : "within", assumptions.compactorTimeoutSeconds());
        }
    }

    /** Why compacted files were read back, or why not. */
    private static String readBack(CompactionModel.DayCompaction day) {
        if (day.mergedParts() > 0) {
            return String.format(Locale.ROOT, "once, by the run after midnight that merges the finished day's %d parts into one",
                    day.mergedParts());
        }
        return day.clicks() > CompactionModel.MERGE_MAX_CLICKS
                ? String.format(Locale.ROOT, "none: a day over %,d clicks keeps its hourly parts", CompactionModel.MERGE_MAX_CLICKS)
                : "none";
    }

    private void row(String name, Usage usage, Usage.Dollars dollars, String ratio) {
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", name,
                num(usage.perThousandClicks(usage.writeUnits)), num(usage.perThousandClicks(usage.readUnits)),
                num(usage.perThousandClicks(usage.s3Tier1)), num(usage.perThousandClicks(usage.s3Gets)),
                num(usage.perThousandClicks(usage.aggregatorInvocations + usage.compactorInvocations)),
                num(usage.perThousandClicks(usage.aggregatorGbSeconds + usage.compactorGbSeconds)),
                num(usage.perThousandClicks(usage.queueConsumeRequests)),
                "$" + num(dollars.analytics()), "$" + num(dollars.queueConsume()), ratio);
    }

    private void breakdown(String name, Usage.Dollars d) {
        out.printf(Locale.ROOT, "| %s | $%s | $%s | $%s | $%s | $%s | $%s | $%s | $%s |%n", name, num(d.dynamoWrites()),
                num(d.dynamoReads()), num(d.dynamoStorage()), num(d.s3Requests()), num(d.s3Storage()), num(d.lambdaRequests()),
                num(d.lambdaDuration()), num(d.compactionQueue()));
    }

    /** Three significant digits below 100, whole numbers with separators above. */
    public static String num(double value) {
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return new BigDecimal(value).round(new MathContext(3)).toPlainString();
    }
}
