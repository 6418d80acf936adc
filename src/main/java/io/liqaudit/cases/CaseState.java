package io.liqaudit.cases;

/** Where a case stands: {@code OPEN → INVESTIGATING → PROPOSED → CLOSED}, a rejected proposal going back to INVESTIGATING. */
public enum CaseState { OPEN, INVESTIGATING, PROPOSED, CLOSED }
