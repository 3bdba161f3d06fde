package dev.shortstack.links.links;

import dev.shortstack.shared.rules.AgentFamilies;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleEngine;
import dev.shortstack.shared.rules.RuleVisitor;
import java.util.List;

/**
 * "Which URL would this visitor get?": rules (saved or not) and a made-up visitor, answered by the
 * engine the redirect runs, so the dashboard's preview never disagrees with a real visit.
 */
public record RulePreview(List<RedirectRule> rules, RuleVisitor visitor) {

    /** @param rule the 0-based index of the matching rule, or -1: the link's own URL */
    public record Result(int rule, RedirectRule matched, AgentFamilies agent) {
    }

    public Result evaluate() {
        int rule = RuleEngine.firstMatch(rules, visitor);
        return new Result(rule, rule < 0 ? null : rules.get(rule), visitor.agent());
    }
}
