package io.liqaudit.standing;

import io.liqaudit.engine.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule that turns what the engine says of an event and what its fund's chain says into
 * the event's standing: a consistent replay whose fund balance does not chain is discrepant, and
 * carries the chain's finding beside the engine's. Pure; used wherever a standing is written.
 */
public final class EffectiveVerdict {

    private EffectiveVerdict() {
    }

    public static Verdict of(Verdict engine, boolean fundDiscontinuity) {
        return engine == Verdict.CONSISTENT && fundDiscontinuity ? Verdict.DISCREPANT : engine;
    }

    /** The engine's finding codes, plus the chain's when the balance does not chain. */
    public static List<String> findingCodes(List<String> engineCodes, boolean fundDiscontinuity) {
        List<String> codes = new ArrayList<>(engineCodes);
        codes.remove(FundChainFinding.FUND_BALANCE_DISCONTINUITY.name());
        if (fundDiscontinuity) {
            codes.add(FundChainFinding.FUND_BALANCE_DISCONTINUITY.name());
        }
        return codes;
    }
}
