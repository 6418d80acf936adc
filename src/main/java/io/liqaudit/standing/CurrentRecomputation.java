package io.liqaudit.standing;

import io.liqaudit.engine.Verdict;
import java.util.List;

/** A recomputation just stored, which becomes its event's current one: its id, event, engine verdict and findings. */
public record CurrentRecomputation(long id, long sequence, Verdict engineVerdict, List<String> engineFindingCodes) {
}
