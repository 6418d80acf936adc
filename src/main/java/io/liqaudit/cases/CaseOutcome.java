package io.liqaudit.cases;

/** How a case was resolved. */
public enum CaseOutcome { CONFIRMED_BREACH, VENUE_EXPLAINED, ENGINE_OR_DATA_ISSUE, FALSE_POSITIVE }
