package io.liqaudit.engine;

/** The engine's verdict on an event (ENGINE-SPEC section 9). */
public enum Verdict { CONSISTENT, DISCREPANT, UNVERIFIABLE }
