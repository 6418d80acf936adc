package io.liqaudit.engine;

/** Who receives the liquidation fee. */
public enum FeeRecipient { INSURANCE_FUND, VENUE }
