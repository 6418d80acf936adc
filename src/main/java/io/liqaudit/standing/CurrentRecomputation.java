package io.liqaudit.standing;

import io.liqaudit.engine.Verdict;
import java.math.BigDecimal;
import java.util.List;

/**
 * A recomputation just stored, which becomes its event's current one: its id, event, engine
 * verdict and findings, the reported fields it disagrees with, and what the liquidation moved in
 * or out of the insurance fund as recomputed (|insurance-fund delta|; 0 when nothing was recomputed).
 */
public record CurrentRecomputation(long id, long sequence, Verdict engineVerdict, List<String> engineFindingCodes,
        List<String> differingFields, BigDecimal amountAtStake) {
}
