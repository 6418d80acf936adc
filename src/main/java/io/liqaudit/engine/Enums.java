package io.liqaudit.engine;

/** The closed vocabularies of ENGINE-SPEC version 1. */
public final class Enums {

    private Enums() {
    }

    public enum MarginMode { ISOLATED, CROSS }

    public enum PolicyMode { FULL, FIXED_FRACTIONS, TIER_DOWN, MIN_RESTORE }

    public enum FeeRecipient { INSURANCE_FUND, VENUE }

    public enum ExcessEquityHandling { TO_INSURANCE_FUND, RETURN_TO_TRADER }

    public enum Outcome { NONE, PARTIAL, FULL }

    public enum Verdict { CONSISTENT, DISCREPANT, UNVERIFIABLE }

    public enum FindingCode {
        TRIGGER_NOT_MET, MARK_PRICE_MISMATCH, STEP_QUANTITY_MISMATCH, EXCESS_LIQUIDATION, INCOMPLETE_LIQUIDATION,
        /** Not produced by the engine: the insurance-fund ledger adds it when balances do not chain. */
        FUND_BALANCE_DISCONTINUITY
    }
}
