package io.liqaudit.standing;

import io.liqaudit.engine.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule that turns what the engine says of an event, what its fund's chain says and what
 * the venue's published rules say into the event's standing: a consistent replay whose fund
 * balance does not chain is discrepant; an event that breaks its venue's published rules is
 * discrepant whatever the replay says (it was replayed on rules the venue did not publish). The
 * chain's and the rules' findings stand beside the engine's. Pure; used wherever a standing is written.
 */
public final class EffectiveVerdict {

    private EffectiveVerdict() {
    }

    public static Verdict of(Verdict engine, boolean fundDiscontinuity, List<String> ruleFindings) {
        if (!ruleFindings.isEmpty()) {
            return Verdict.DISCREPANT;
        }
        return engine == Verdict.CONSISTENT && fundDiscontinuity ? Verdict.DISCREPANT : engine;
    }

    /** The engine's finding codes, then the chain's when the balance does not chain, then the rules'. */
    public static List<String> findingCodes(List<String> engineCodes, boolean fundDiscontinuity, List<String> ruleFindings) {
        List<String> codes = new ArrayList<>(engineCodes);
        codes.remove(FundChainFinding.FUND_BALANCE_DISCONTINUITY.name());
        if (fundDiscontinuity) {
            codes.add(FundChainFinding.FUND_BALANCE_DISCONTINUITY.name());
        }
        codes.addAll(ruleFindings);
        return codes;
    }
}
