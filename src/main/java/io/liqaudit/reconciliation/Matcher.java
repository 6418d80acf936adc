package io.liqaudit.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a statement line with our recomputation of its event, field by field: a number
 * matches when |ours − theirs| is within the field's tolerance (0 when none is given), an
 * outcome when the names are equal, and a value given as null only when ours is none either.
 * Pure.
 */
final class Matcher {

    private Matcher() {
    }

    static List<Match.Mismatch> compare(Match.Line line, Map<MatchField, String> ours, Map<MatchField, BigDecimal> tolerance) {
        List<Match.Mismatch> out = new ArrayList<>();
        for (Map.Entry<MatchField, String> given : line.values().entrySet()) {
            MatchField f = given.getKey();
            String theirs = given.getValue();
            String mine = ours.get(f);
            if (theirs == null || mine == null) {
                if (theirs != null || mine != null) {
                    out.add(Match.Mismatch.event(line, f.field, theirs, mine, null));
                }
                continue;
            }
            if (!f.decimal) {
                if (!theirs.equals(mine)) {
                    out.add(Match.Mismatch.event(line, f.field, theirs, mine, null));
                }
                continue;
            }
            BigDecimal difference = new BigDecimal(mine).subtract(new BigDecimal(theirs));
            if (difference.abs().compareTo(tolerance.getOrDefault(f, BigDecimal.ZERO)) > 0) {
                out.add(Match.Mismatch.event(line, f.field, theirs, mine, difference));
            }
        }
        out.sort(java.util.Comparator.comparing(Match.Mismatch::field));
        return out;
    }
}
