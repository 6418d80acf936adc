package io.liqaudit.standing;

/**
 * What the insurance-fund chain finds, beside the engine's findings (the engine never produces
 * it): an event whose stated balance before does not follow from the previous entry.
 */
public enum FundChainFinding { FUND_BALANCE_DISCONTINUITY }
