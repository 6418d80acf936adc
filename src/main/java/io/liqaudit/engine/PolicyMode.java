package io.liqaudit.engine;

/** The venue's partial-liquidation policy (ENGINE-SPEC section 7). */
public enum PolicyMode { FULL, FIXED_FRACTIONS, TIER_DOWN, MIN_RESTORE }
