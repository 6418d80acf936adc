package io.liqaudit.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The demo's venues and contracts, with tier tables shaped like those that venues publish. */
final class Markets {

    /** A risk-tier bracket before its maintenance amount is derived (amounts must be continuous). */
    record Bracket(long floor, String mmr) {
    }

    record Contract(String symbol, String tick, String lot, String price, List<Bracket> brackets) {
    }

    /** A venue's published rules: the policy it uses and how it settles fees and excess equity. */
    record Venue(String name, String policyMode, String feeRate, String feeRecipient, String excessEquity, int maxSteps,
            List<String> fractions, String restoreBuffer) {
    }

    static final List<Contract> CONTRACTS = List.of(
            new Contract("BTCUSDT", "0.1", "0.001", "64000", List.of(new Bracket(0, "0.004"), new Bracket(50_000, "0.005"),
                    new Bracket(250_000, "0.01"), new Bracket(3_000_000, "0.025"), new Bracket(20_000_000, "0.05"),
                    new Bracket(40_000_000, "0.1"), new Bracket(100_000_000, "0.125"))),
            new Contract("ETHUSDT", "0.01", "0.001", "3100", List.of(new Bracket(0, "0.005"), new Bracket(10_000, "0.0065"),
                    new Bracket(100_000, "0.01"), new Bracket(1_000_000, "0.02"), new Bracket(5_000_000, "0.05"),
                    new Bracket(10_000_000, "0.1"))),
            new Contract("SOLUSDT", "0.001", "0.01", "145", List.of(new Bracket(0, "0.01"), new Bracket(5_000, "0.025"),
                    new Bracket(50_000, "0.05"), new Bracket(250_000, "0.1"), new Bracket(1_000_000, "0.125"))),
            new Contract("DOGEUSDT", "0.00001", "1", "0.16", List.of(new Bracket(0, "0.005"), new Bracket(5_000, "0.01"),
                    new Bracket(50_000, "0.02"), new Bracket(500_000, "0.05"), new Bracket(1_000_000, "0.1"))));

    static final List<Venue> VENUES = List.of(
            new Venue("VENUE-A", "TIER_DOWN", "0.005", "VENUE", "TO_INSURANCE_FUND", 4, null, null),
            new Venue("VENUE-B", "FIXED_FRACTIONS", "0.005", "INSURANCE_FUND", "RETURN_TO_TRADER", 5,
                    List.of("0.25", "0.5", "1"), null),
            new Venue("VENUE-C", "MIN_RESTORE", "0.0125", "INSURANCE_FUND", "TO_INSURANCE_FUND", 3, null, "0.5"),
            new Venue("VENUE-D", "FULL", "0.01", "VENUE", "RETURN_TO_TRADER", 1, null, null));

    private Markets() {
    }

    /** Tiers with continuous maintenance amounts: {@code amount_t = amount_{t-1} + floor_t·(mmr_t − mmr_{t−1})}. */
    static List<Tier> tiers(Contract c) {
        List<Tier> tiers = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        for (int i = 0; i < c.brackets().size(); i++) {
            Bracket b = c.brackets().get(i);
            BigDecimal mmr = new BigDecimal(b.mmr());
            if (i > 0) {
                amount = amount.add(BigDecimal.valueOf(b.floor()).multiply(mmr.subtract(new BigDecimal(c.brackets().get(i - 1).mmr()))));
            }
            BigDecimal cap = i + 1 < c.brackets().size() ? BigDecimal.valueOf(c.brackets().get(i + 1).floor()) : null;
            tiers.add(new Tier(BigDecimal.valueOf(b.floor()), cap, mmr, amount));
        }
        return tiers;
    }

    record Tier(BigDecimal floor, BigDecimal cap, BigDecimal mmr, BigDecimal amount) {
    }
}
