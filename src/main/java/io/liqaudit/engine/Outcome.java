package io.liqaudit.engine;

/** How much of the position a liquidation closed. */
public enum Outcome { NONE, PARTIAL, FULL }
