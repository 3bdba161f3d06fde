package dev.shortstack.links.compat.shlink;

/** Shlink's click figures of a short URL or tag: every visit, people's and bots'. */
public record VisitsSummary(long nonBots, long bots) {
    public static final VisitsSummary NONE = new VisitsSummary(0, 0);

    public long total() {
        return nonBots + bots;
    }

    public VisitsSummary plus(VisitsSummary other) {
        return new VisitsSummary(nonBots + other.nonBots, bots + other.bots);
    }
}
