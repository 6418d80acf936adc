package io.liqaudit.engine;

import io.liqaudit.engine.LiquidationEvent.RiskTier;
import java.math.BigDecimal;
import java.util.List;

/**
 * The margin arithmetic of ENGINE-SPEC section 3 for one event: what stays constant (side,
 * entry price, other positions, tiers) is held here; quantity, collateral and price are
 * arguments.
 */
final class MarginModel {

    private final BigDecimal sign;
    private final BigDecimal entryPrice;
    private final BigDecimal otherUnrealizedPnl;
    private final BigDecimal otherMaintenanceMargin;
    private final List<RiskTier> tiers;

    MarginModel(LiquidationEvent event) {
        this.sign = event.position().side().sign();
        this.entryPrice = event.position().entryPrice();
        this.otherUnrealizedPnl = event.position().otherUnrealizedPnl();
        this.otherMaintenanceMargin = event.position().otherMaintenanceMargin();
        this.tiers = event.riskTiers();
    }

    BigDecimal sign() {
        return sign;
    }

    /** {@code U(P) = s·Q·(P − entryPrice)}. */
    BigDecimal unrealizedPnl(BigDecimal q, BigDecimal price) {
        return sign.multiply(q).multiply(price.subtract(entryPrice));
    }

    /** {@code Eq(P) = C + U(P) + otherUnrealizedPnl}. */
    BigDecimal equity(BigDecimal q, BigDecimal collateral, BigDecimal price) {
        return collateral.add(unrealizedPnl(q, price)).add(otherUnrealizedPnl);
    }

    /** The first tier with {@code floor ≤ notional < cap}; the table is checked contiguous from 0, so one exists. */
    RiskTier tierOf(BigDecimal notional) {
        for (RiskTier tier : tiers) {
            if (tier.contains(notional)) {
                return tier;
            }
        }
        throw new ArithmeticException("no risk tier contains notional " + notional.toPlainString());
    }

    int tierIndexOf(BigDecimal notional) {
        return tiers.indexOf(tierOf(notional));
    }

    List<RiskTier> tiers() {
        return tiers;
    }

    /** {@code MM(P) = N(P)·mmr_t − maintenanceAmount_t}, t = tier of {@code N(P) = Q·P}. */
    BigDecimal maintenanceMargin(BigDecimal q, BigDecimal price) {
        BigDecimal notional = q.multiply(price);
        RiskTier t = tierOf(notional);
        return notional.multiply(t.maintenanceMarginRate()).subtract(t.maintenanceAmount());
    }

    /** {@code Req(P) = MM(P) + otherMaintenanceMargin (+ openOrderMargin while orders are open)}. */
    BigDecimal requirement(BigDecimal q, BigDecimal price, BigDecimal openOrderMargin) {
        return maintenanceMargin(q, price).add(otherMaintenanceMargin).add(openOrderMargin);
    }

    /** Healthy at P ⇔ {@code Eq(P) > Req(P)}, strictly. */
    boolean healthy(BigDecimal q, BigDecimal collateral, BigDecimal price, BigDecimal openOrderMargin) {
        return equity(q, collateral, price).compareTo(requirement(q, price, openOrderMargin)) > 0;
    }

    /**
     * Liquidation price, ENGINE-SPEC section 5: the price where {@code Eq(P) = MM(P) + otherMM}.
     * <ol>
     *   <li>{@code K = C + otherUnrealizedPnl − otherMaintenanceMargin}.</li>
     *   <li>For each tier t, ascending: {@code P_t = (K + amount_t − s·Q·entry) / (Q·(mmr_t − s))}, exact.</li>
     *   <li>Take the first t with {@code P_t > 0} and {@code floor_t ≤ Q·P_t < cap_t}.</li>
     *   <li>LONG: {@code ceilTo(P_t, tick)}; SHORT: {@code floorTo(P_t, tick)}; null if no tier qualifies.</li>
     * </ol>
     */
    BigDecimal liquidationPrice(BigDecimal q, BigDecimal collateral, BigDecimal tick) {
        BigDecimal k = collateral.add(otherUnrealizedPnl).subtract(otherMaintenanceMargin);
        BigDecimal signedEntryValue = sign.multiply(q).multiply(entryPrice);
        for (RiskTier tier : tiers) {
            Fraction p = new Fraction(k.add(tier.maintenanceAmount()).subtract(signedEntryValue),
                    q.multiply(tier.maintenanceMarginRate().subtract(sign)));
            Fraction notional = p.times(q);
            boolean inBracket = notional.compareTo(tier.notionalFloor()) >= 0
                    && (tier.notionalCap() == null || notional.compareTo(tier.notionalCap()) < 0);
            if (p.signum() > 0 && inBracket) {
                return roundTowardEntry(p, tick);
            }
        }
        return null;
    }

    /**
     * Bankruptcy price, section 5: where {@code Eq(P) = 0}, i.e.
     * {@code BP = entry − s·(C + otherUnrealizedPnl) / Q}; null when the exact value is ≤ 0.
     */
    BigDecimal bankruptcyPrice(BigDecimal q, BigDecimal collateral, BigDecimal tick) {
        Fraction bp = new Fraction(entryPrice.multiply(q).subtract(sign.multiply(collateral.add(otherUnrealizedPnl))), q);
        return bp.signum() <= 0 ? null : roundTowardEntry(bp, tick);
    }

    /** LONG rounds up, SHORT down: both toward the entry price, the conservative direction. */
    private BigDecimal roundTowardEntry(Fraction price, BigDecimal tick) {
        return price.roundToMultipleOf(tick, sign.signum() > 0 ? java.math.RoundingMode.CEILING
                : java.math.RoundingMode.FLOOR);
    }
}
