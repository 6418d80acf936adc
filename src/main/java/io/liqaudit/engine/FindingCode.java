package io.liqaudit.engine;

/** What the replay found wrong with an event (ENGINE-SPEC section 10). */
public enum FindingCode {
    TRIGGER_NOT_MET, MARK_PRICE_MISMATCH, STEP_QUANTITY_MISMATCH, EXCESS_LIQUIDATION, INCOMPLETE_LIQUIDATION
}
