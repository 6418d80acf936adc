package io.liqaudit.standing;

/** What a re-walk of a fund's chain found of one event whose flag changed: whether its balance now breaks the chain. */
public record ChainFlag(long sequence, boolean discontinuity) {
}
