package io.liqaudit.engine;

/** Where equity left after a full close of an isolated position goes. */
public enum ExcessEquityHandling { TO_INSURANCE_FUND, RETURN_TO_TRADER }
