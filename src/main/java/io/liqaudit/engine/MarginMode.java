package io.liqaudit.engine;

/** How a position is margined: its own collateral (ISOLATED) or the account's wallet (CROSS). */
public enum MarginMode { ISOLATED, CROSS }
