package io.liqaudit.liquidation;

/** What each finding code means, in the spec's plain words: for the audit portal and the public register alike. */
public final class FindingWords {

    private FindingWords() {
    }

    /** Each finding in the spec's plain words (ENGINE-SPEC sections 4, 6 and 10; the fund chain's and the published rules' own). */
    public static String words(String code) {
        return switch (code) {
            case "TRIGGER_NOT_MET" -> "The position was liquidated although its equity at the mark was above the "
                    + "maintenance requirement: the trigger did not hold.";
            case "MARK_PRICE_MISMATCH" -> "The mark price the venue stated is not the one its own mark inputs give "
                    + "(expected: recomputed mark; actual: stated mark).";
            case "STEP_QUANTITY_MISMATCH" -> "A step closed another quantity than the venue's policy plans for it "
                    + "(expected: planned; actual: filled).";
            case "EXCESS_LIQUIDATION" -> "The venue kept liquidating after the position was healthy again: "
                    + "this step was not due.";
            case "INCOMPLETE_LIQUIDATION" -> "A step was due under the policy, but the venue made no fill for it.";
            case "FUND_BALANCE_DISCONTINUITY" -> "The insurance fund's stated balance before this event is not the "
                    + "balance the fund's earlier entries leave.";
            case "RULES_MISMATCH" -> "A rule the event carries is not the one its venue published for it "
                    + "(expected: published; actual: the event's).";
            case "RULE_VERSION_UNKNOWN" -> "The event cites a ruleVersion its venue never published for this symbol.";
            case "RULE_VERSION_NOT_IN_FORCE" -> "The rule set the event cites was not in force when the event happened.";
            default -> code;
        };
    }
}
