/**
 * The liquidation engine: ENGINE-SPEC version 1 (../shared/ENGINE-SPEC.md), as a pure function
 * from a {@link io.liqaudit.engine.LiquidationEvent} to an {@link io.liqaudit.engine.EngineResult}.
 *
 * <p>Pure means: immutable records in, records out, no I/O, no clock, no framework imports
 * (an ArchUnit test enforces it), and exact decimal arithmetic. No {@code double} touches a
 * price or an amount. Quotients that the spec leaves exact (the weighted index, the
 * liquidation and bankruptcy prices, policy quantities) are kept as {@link
 * io.liqaudit.engine.Fraction}s and rounded exactly once, where the spec says, with
 * {@code BigDecimal.divide(divisor, scale, RoundingMode)} on the exact numerator and
 * denominator.
 *
 * <p><b>Versioning.</b> {@link io.liqaudit.engine.LiquidationEngine#VERSION} is a semantic
 * version. Any change to any output for any input is a new version: a fix that changes a digit
 * is at least a minor version, a change of the spec's meaning a major one. Stored
 * recomputations carry the version that made them, and re-verification stores new ones beside
 * the old.
 *
 * <p><b>Readings of the spec</b> (where it is silent; each confirmed by the public vectors or
 * consistent with them):
 * <ul>
 *   <li>Open orders are cancelled whenever {@code openOrderMargin > 0}, whether or not the
 *       trigger held (section 6.2 does not make it conditional).</li>
 *   <li>From step {@code maxSteps} on, the planned quantity is the whole remaining position.</li>
 *   <li>A missing {@code fractions} (FIXED_FRACTIONS) or {@code restoreBuffer} (MIN_RESTORE) makes
 *       the event unverifiable rather than malformed: the JSON is well-formed, the rules are
 *       incomplete.</li>
 *   <li>An index component price that is not positive, or a recomputed mark that rounds to 0 or
 *       below, makes the event unverifiable (the outlier test divides by the median).</li>
 * </ul>
 */
package io.liqaudit.engine;
