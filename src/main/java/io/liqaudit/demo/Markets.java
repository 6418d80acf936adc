package io.liqaudit.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.engine.DecimalText;
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
        return tiers(c, BigDecimal.ONE);
    }

    /** The tiers with every rate times {@code factor} (a superseded table: {@link #SUPERSEDED_FACTOR}). */
    static List<Tier> tiers(Contract c, BigDecimal factor) {
        List<Tier> tiers = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        for (int i = 0; i < c.brackets().size(); i++) {
            Bracket b = c.brackets().get(i);
            BigDecimal mmr = new BigDecimal(b.mmr()).multiply(factor);
            if (i > 0) {
                BigDecimal previous = new BigDecimal(c.brackets().get(i - 1).mmr()).multiply(factor);
                amount = amount.add(BigDecimal.valueOf(b.floor()).multiply(mmr.subtract(previous)));
            }
            BigDecimal cap = i + 1 < c.brackets().size() ? BigDecimal.valueOf(c.brackets().get(i + 1).floor()) : null;
            tiers.add(new Tier(BigDecimal.valueOf(b.floor()), cap, mmr, amount));
        }
        return tiers;
    }

    record Tier(BigDecimal floor, BigDecimal cap, BigDecimal mmr, BigDecimal amount) {
    }

    // --- the rules the venues publish (issue 19) ---------------------------------------------

    /** The ruleVersion demo events cite: in force from the demo's first day. */
    static final String RULE_VERSION = "2026-01-01";
    /** The rule set before it, with other tier rates: its tables turn up in a few events (a planted break). */
    static final String SUPERSEDED_VERSION = "2025-07-01";
    static final BigDecimal SUPERSEDED_FACTOR = new BigDecimal("1.2");

    /** VENUE-D publishes no rules: its events show what "not independently published" looks like. */
    static boolean publishesRules(Venue v) {
        return !v.name().equals("VENUE-D");
    }

    /** A venue's rule sets as it publishes them: the superseded one, then the one in force. */
    static List<ObjectNode> ruleSets(Venue v) {
        return List.of(ruleSet(v, SUPERSEDED_VERSION, "2025-07-01T00:00:00Z", "2026-01-01T00:00:00Z", SUPERSEDED_FACTOR),
                ruleSet(v, RULE_VERSION, "2026-01-01T00:00:00Z", null, BigDecimal.ONE));
    }

    private static ObjectNode ruleSet(Venue v, String version, String from, String to, BigDecimal factor) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("ruleVersion", version).put("effectiveFrom", from);
        if (to != null) {
            doc.put("effectiveTo", to);
        }
        ObjectNode symbols = doc.putObject("symbols");
        for (Contract c : CONTRACTS) {
            ObjectNode rules = symbols.putObject(c.symbol());
            rules.set("contract", contract(c).put("quoteCurrency", DemoEvents.CURRENCY));
            rules.set("riskTiers", tiersJson(c, factor));
            rules.set("policy", policy(v));
            rules.put("outlierBand", OUTLIER_BAND);
        }
        return doc;
    }

    /** The outlier band of the demo's mark-price inputs. */
    static final String OUTLIER_BAND = "0.05";

    static ObjectNode contract(Contract c) {
        return JsonNodeFactory.instance.objectNode().put("tickSize", c.tick()).put("lotSize", c.lot()).put("quoteScale", 8);
    }

    static ArrayNode tiersJson(Contract c, BigDecimal factor) {
        ArrayNode tiers = JsonNodeFactory.instance.arrayNode();
        for (Tier t : tiers(c, factor)) {
            ObjectNode tier = tiers.addObject().put("notionalFloor", DecimalText.of(t.floor()));
            if (t.cap() == null) {
                tier.putNull("notionalCap");
            } else {
                tier.put("notionalCap", DecimalText.of(t.cap()));
            }
            tier.put("maintenanceMarginRate", DecimalText.of(t.mmr())).put("maintenanceAmount", DecimalText.of(t.amount()));
        }
        return tiers;
    }

    static ObjectNode policy(Venue venue) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode().put("mode", venue.policyMode())
                .put("liquidationFeeRate", venue.feeRate()).put("feeRecipient", venue.feeRecipient())
                .put("excessEquity", venue.excessEquity()).put("maxSteps", venue.maxSteps());
        if (venue.fractions() != null) {
            venue.fractions().forEach(policy.putArray("fractions")::add);
        }
        if (venue.restoreBuffer() != null) {
            policy.put("restoreBuffer", venue.restoreBuffer());
        }
        return policy;
    }
}
