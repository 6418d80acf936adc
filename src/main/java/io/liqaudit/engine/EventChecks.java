package io.liqaudit.engine;

import io.liqaudit.engine.LiquidationEvent.Fill;
import io.liqaudit.engine.LiquidationEvent.IndexComponent;
import io.liqaudit.engine.LiquidationEvent.MarkPriceInputs;
import io.liqaudit.engine.LiquidationEvent.Policy;
import io.liqaudit.engine.LiquidationEvent.Position;
import io.liqaudit.engine.LiquidationEvent.RiskTier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a well-formed event cannot be replayed (ENGINE-SPEC section 9, first list). An empty
 * answer means the replay is safe: every division it makes has a non-zero divisor and every
 * tier lookup finds a tier.
 */
final class EventChecks {

    private final List<String> reasons = new ArrayList<>();

    private EventChecks() {
    }

    static List<String> reasons(LiquidationEvent e) {
        EventChecks checks = new EventChecks();
        checks.contract(e.contract());
        checks.tiers(e.riskTiers());
        checks.policy(e.policy());
        checks.position(e.position(), e.contract().lotSize());
        checks.market(e);
        checks.fills(e);
        if (e.insuranceFund().balanceBefore().signum() < 0) {
            checks.add("insuranceFund.balanceBefore must be ≥ 0");
        }
        return List.copyOf(checks.reasons);
    }

    /**
     * The same checks of a contract, risk tiers and policy as an event's, for a venue's published
     * rules (each reason starts with the field it names: riskTiers[2]: …).
     */
    static List<String> ruleReasons(LiquidationEvent.Contract contract, List<RiskTier> tiers, Policy policy) {
        EventChecks checks = new EventChecks();
        checks.contract(contract);
        checks.tiers(tiers);
        checks.policy(policy);
        return List.copyOf(checks.reasons);
    }

    private void add(String reason) {
        reasons.add(reason);
    }

    private void positive(BigDecimal value, String field) {
        if (value.signum() <= 0) {
            add(field + " must be > 0");
        }
    }

    private void contract(LiquidationEvent.Contract c) {
        positive(c.tickSize(), "contract.tickSize");
        positive(c.lotSize(), "contract.lotSize");
        if (c.quoteScale() < 0 || c.quoteScale() > 18) {
            add("contract.quoteScale must be an integer from 0 to 18");
        }
    }

    private void tiers(List<RiskTier> tiers) {
        if (tiers.isEmpty()) {
            add("riskTiers: no tiers");
            return;
        }
        if (tiers.get(0).notionalFloor().signum() != 0) {
            add("riskTiers[0]: notionalFloor must be 0");
        }
        for (int i = 0; i < tiers.size(); i++) {
            RiskTier t = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (t.maintenanceMarginRate().signum() <= 0 || t.maintenanceMarginRate().compareTo(BigDecimal.ONE) >= 0) {
                add("riskTiers[" + i + "]: maintenanceMarginRate must be in (0, 1)");
            }
            if (t.notionalCap() == null && !last) {
                add("riskTiers[" + i + "]: only the last tier may have no cap");
            } else if (t.notionalCap() != null && last) {
                add("riskTiers[" + i + "]: the last tier must have no cap");
            }
            if (t.notionalCap() != null && t.notionalCap().compareTo(t.notionalFloor()) <= 0) {
                add("riskTiers[" + i + "]: notionalCap must be above notionalFloor");
            }
            if (!last && t.notionalCap() != null && t.notionalCap().compareTo(tiers.get(i + 1).notionalFloor()) != 0) {
                add("riskTiers[" + i + "]: not contiguous with the next tier");
            }
            if (i > 0) {
                RiskTier prev = tiers.get(i - 1);
                BigDecimal continuous = prev.maintenanceAmount()
                        .add(t.notionalFloor().multiply(t.maintenanceMarginRate().subtract(prev.maintenanceMarginRate())));
                if (t.maintenanceAmount().compareTo(continuous) != 0) {
                    add("riskTiers[" + i + "]: maintenanceAmount not continuous");
                }
            }
        }
    }

    private void policy(Policy p) {
        if (p.liquidationFeeRate().signum() < 0 || p.liquidationFeeRate().compareTo(BigDecimal.ONE) >= 0) {
            add("policy.liquidationFeeRate must be in [0, 1)");
        }
        if (p.maxSteps() < 1) {
            add("policy.maxSteps must be ≥ 1");
        }
        if (p.mode() == PolicyMode.MIN_RESTORE) {
            if (p.restoreBuffer() == null) {
                add("policy.restoreBuffer is required for MIN_RESTORE");
            } else if (p.restoreBuffer().signum() < 0) {
                add("policy.restoreBuffer must be ≥ 0");
            }
        }
        if (p.mode() == PolicyMode.FIXED_FRACTIONS) {
            List<BigDecimal> fractions = p.fractions();
            if (fractions == null || fractions.isEmpty()) {
                add("policy.fractions: empty");
                return;
            }
            for (int i = 0; i < fractions.size(); i++) {
                BigDecimal f = fractions.get(i);
                if (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) > 0) {
                    add("policy.fractions[" + i + "] must be in (0, 1]");
                }
            }
            if (fractions.get(fractions.size() - 1).compareTo(BigDecimal.ONE) != 0) {
                add("policy.fractions must end in 1");
            }
        }
    }

    private void position(Position p, BigDecimal lot) {
        positiveMultipleOfLot(p.quantity(), lot, "position.quantity");
        positive(p.entryPrice(), "position.entryPrice");
        if (p.collateral().signum() < 0) {
            add("position.collateral must be ≥ 0");
        }
        if (p.openOrderMargin().signum() < 0) {
            add("position.openOrderMargin must be ≥ 0");
        }
        if (p.marginMode() == MarginMode.ISOLATED
                && (p.otherUnrealizedPnl().signum() != 0 || p.otherMaintenanceMargin().signum() != 0)) {
            add("position: other-position fields must be 0 for ISOLATED");
        }
    }

    private void positiveMultipleOfLot(BigDecimal q, BigDecimal lot, String field) {
        if (q.signum() <= 0 || (lot.signum() > 0 && !Decimals.isMultipleOf(q, lot))) {
            add(field + " must be a positive multiple of lotSize");
        }
    }

    private void market(LiquidationEvent e) {
        positive(e.market().markPrice(), "market.markPrice");
        MarkPriceInputs in = e.market().markPriceInputs();
        if (in == null) {
            return;
        }
        if (in.indexComponents().isEmpty()) {
            add("market.markPriceInputs: no index components");
        }
        for (int i = 0; i < in.indexComponents().size(); i++) {
            IndexComponent c = in.indexComponents().get(i);
            positive(c.price(), "market.markPriceInputs.indexComponents[" + i + "].price");
            positive(c.weight(), "market.markPriceInputs.indexComponents[" + i + "].weight");
        }
        if (in.outlierBand().signum() < 0) {
            add("market.markPriceInputs.outlierBand must be ≥ 0");
        }
        if (in.fundingTimeFraction().signum() < 0 || in.fundingTimeFraction().compareTo(BigDecimal.ONE) > 0) {
            add("market.markPriceInputs.fundingTimeFraction must be in [0, 1]");
        }
    }

    private void fills(LiquidationEvent e) {
        BigDecimal lot = e.contract().lotSize();
        BigDecimal tick = e.contract().tickSize();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < e.fills().size(); i++) {
            Fill f = e.fills().get(i);
            String at = "fills[" + i + "]";
            if (f.step() != i + 1) {
                add(at + ".step must be " + (i + 1) + ": fills are numbered 1..n in order");
            }
            positiveMultipleOfLot(f.quantity(), lot, at + ".quantity");
            positive(f.price(), at + ".price");
            if (f.price().signum() > 0 && tick.signum() > 0 && !Decimals.isMultipleOf(f.price(), tick)) {
                add(at + ".price must be a multiple of tickSize");
            }
            if (f.markPrice() != null) {
                positive(f.markPrice(), at + ".markPrice");
            }
            total = total.add(f.quantity());
        }
        if (total.compareTo(e.position().quantity()) > 0) {
            add("fills exceed the position quantity");
        }
    }
}
