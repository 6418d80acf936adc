package io.liqaudit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.engine.DecimalText;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.FindingCode;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic liquidation events, the same for the same seed: four venues with their own policies,
 * four contracts with published-looking tier tables, isolated and cross, partial and full,
 * fund gains, draws and ADL shortfalls, in time order with each fund's balances chained. About
 * one in five carries a planted defect (wrong fee, trigger not met, missing fill, wrong price,
 * wrong quantity, wrong fund delta).
 *
 * <p>Fills follow the venue's own policy: the generator asks the engine what each step should
 * close, so the consistent events are consistent by construction.
 */
public final class DemoEvents {

    /** The defects the generator plants. */
    public enum Defect { NONE, WRONG_FEE, TRIGGER_NOT_MET, MISSING_FILL, WRONG_PRICE, WRONG_QUANTITY, WRONG_FUND_DELTA }

    /** A break of the venue's published rules planted in an event (issue 19); the replay itself stays consistent. */
    public enum RuleBreak { NONE, WRONG_FEE_RATE, SUPERSEDED_TIERS, UNKNOWN_RULE_VERSION }

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final int[] LEVERAGES = {5, 10, 20, 25, 50, 75, 100};
    private static final Map<String, String> OPENING_BALANCES = Map.of(
            "VENUE-A", "2500000", "VENUE-B", "800000", "VENUE-C", "150000", "VENUE-D", "25000");

    /** The demo's insurance fund of a venue: one per venue, in the contracts' quote currency. */
    static String fundOf(Markets.Venue venue) {
        return venue.name() + "-" + CURRENCY;
    }

    /** Every demo contract is quoted (and every demo fund held) in this currency. */
    static final String CURRENCY = "USDT";

    private final Random random;
    private final Map<String, BigDecimal> fundBalances = new HashMap<>();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    private long counter;
    private Defect lastDefect = Defect.NONE;
    private final Random ruleBreaks;
    private RuleBreak lastRuleBreak = RuleBreak.NONE;

    /** The largest gap between two events, in seconds: twice the mean gap. */
    private final int maxGapSeconds;

    public DemoEvents(long seed) {
        this(seed, 20_000, 180);
    }

    /** Events spread over about {@code spanDays} days from 2026-01-01 when {@code count} of them are drawn. */
    public DemoEvents(long seed, int count, int spanDays) {
        this.random = new Random(seed);
        this.ruleBreaks = new Random(~seed);
        this.maxGapSeconds = (int) Math.max(2, 2L * spanDays * 86_400 / Math.max(1, count));
    }

    /** The break of its venue's published rules planted in the event last returned by {@link #next()}. */
    public RuleBreak lastRuleBreak() {
        return lastRuleBreak;
    }

    /** The defect planted in the event last returned by {@link #next()}. */
    public Defect lastDefect() {
        return lastDefect;
    }

    /** The next event, as the JSON a venue would send. */
    public ObjectNode next() {
        while (true) {
            ObjectNode event = attempt();
            if (event != null) {
                return event;
            }
        }
    }

    private ObjectNode attempt() {
        Markets.Venue venue = Markets.VENUES.get(random.nextInt(Markets.VENUES.size()));
        Markets.Contract contract = Markets.CONTRACTS.get(random.nextInt(Markets.CONTRACTS.size()));
        BigDecimal tick = new BigDecimal(contract.tick());
        BigDecimal lot = new BigDecimal(contract.lot());
        boolean isLong = random.nextBoolean();
        boolean cross = random.nextInt(5) < 2;

        BigDecimal entry = roundTo(new BigDecimal(contract.price()).multiply(around(BigDecimal.ONE, "0.15")), tick, RoundingMode.HALF_UP);
        BigDecimal notional = BigDecimal.valueOf(500L).multiply(BigDecimal.TEN.pow(random.nextInt(4)))
                .multiply(uniform("1", "10"));
        BigDecimal quantity = roundTo(notional.divide(entry, 12, RoundingMode.DOWN), lot, RoundingMode.DOWN);
        if (quantity.signum() <= 0) {
            return null;
        }
        BigDecimal actualNotional = quantity.multiply(entry);
        BigDecimal collateral = actualNotional.divide(BigDecimal.valueOf(LEVERAGES[random.nextInt(LEVERAGES.length)]), 2,
                RoundingMode.HALF_UP);

        counter++;
        clock = clock.plusSeconds(1 + random.nextInt(maxGapSeconds)).plusNanos(random.nextInt(1_000_000) * 1000L);
        String fundId = fundOf(venue);
        BigDecimal balance = fundBalances.computeIfAbsent(fundId, f -> new BigDecimal(OPENING_BALANCES.get(venue.name())));

        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", String.format("%s-%s-%07d", venue.name().substring(6).toLowerCase(), contract.symbol().toLowerCase(), counter));
        e.put("venue", venue.name());
        e.put("symbol", contract.symbol());
        e.put("accountRef", String.format("acct-%08x", random.nextInt(1 << 20)));
        e.put("occurredAt", Timestamps.format(clock));
        // A few events of venues that publish their rules break them, self-consistently (the replay alone
        // would find nothing): a fee rate other than the published one, a superseded tier table, a
        // ruleVersion never published. Drawn from their own random, so the other events stay as they were.
        lastRuleBreak = Markets.publishesRules(venue) && ruleBreaks.nextInt(1000) < 15
                ? RuleBreak.values()[1 + ruleBreaks.nextInt(RuleBreak.values().length - 1)] : RuleBreak.NONE;
        e.put("ruleVersion", lastRuleBreak == RuleBreak.UNKNOWN_RULE_VERSION ? "2025-12-01" : Markets.RULE_VERSION);
        e.set("contract", Markets.contract(contract));
        e.set("riskTiers", Markets.tiersJson(contract,
                lastRuleBreak == RuleBreak.SUPERSEDED_TIERS ? Markets.SUPERSEDED_FACTOR : BigDecimal.ONE));
        ObjectNode policy = Markets.policy(venue);
        if (lastRuleBreak == RuleBreak.WRONG_FEE_RATE) {
            policy.put("liquidationFeeRate", text(new BigDecimal(venue.feeRate()).multiply(new BigDecimal("1.5"))));
        }
        e.set("policy", policy);
        ObjectNode position = e.putObject("position").put("side", isLong ? "LONG" : "SHORT").put("quantity", text(quantity))
                .put("entryPrice", text(entry)).put("marginMode", cross ? "CROSS" : "ISOLATED")
                .put("collateral", text(collateral));
        if (random.nextInt(5) == 0) {
            position.put("openOrderMargin", text(actualNotional.multiply(uniform("0", "0.01")).setScale(2, RoundingMode.HALF_UP)));
        }
        if (cross) {
            position.put("otherUnrealizedPnl", text(actualNotional.multiply(uniform("-0.01", "0.01")).setScale(2, RoundingMode.HALF_UP)));
            position.put("otherMaintenanceMargin", text(actualNotional.multiply(uniform("0", "0.005")).setScale(2, RoundingMode.HALF_UP)));
        }
        e.putObject("market").put("markPrice", text(entry));
        e.putArray("fills");
        e.putObject("insuranceFund").put("fundId", fundId).put("balanceBefore", text(balance));

        // Put the mark just past the liquidation price, so the trigger holds.
        EngineResult.Replayed atEntry = replay(e);
        if (atEntry == null || atEntry.liquidationPrice() == null) {
            return null;
        }
        BigDecimal past = BigDecimal.ONE.add(uniform("0", "0.004").multiply(isLong ? BigDecimal.ONE.negate() : BigDecimal.ONE));
        BigDecimal mark = roundTo(atEntry.liquidationPrice().multiply(past), tick, isLong ? RoundingMode.FLOOR : RoundingMode.CEILING);
        // At least one tick past: the liquidation price is rounded toward entry, where the account is still healthy.
        mark = isLong ? mark.min(atEntry.liquidationPrice().subtract(tick)) : mark.max(atEntry.liquidationPrice().add(tick));
        if (mark.signum() <= 0) {
            return null;
        }
        setMark(e, mark, tick);
        planFills(e, tick, isLong);

        EngineResult.Replayed result = replay(e);
        if (result == null) {
            return null;
        }
        e.set("reported", reported(result));
        lastDefect = random.nextInt(100) < 28 ? Defect.values()[1 + random.nextInt(Defect.values().length - 1)] : Defect.NONE;
        plant(e, result, lot, tick);
        EngineResult.Replayed finalResult = replay(e);
        if (finalResult == null) {
            return null;
        }
        fundBalances.put(fundId, finalResult.insuranceFundBalanceAfter());
        return e;
    }

    /** Sometimes with the mark's inputs (index components, funding, basis, last price); the stated mark is then the recomputed one. */
    private void setMark(ObjectNode e, BigDecimal mark, BigDecimal tick) {
        ObjectNode market = (ObjectNode) e.get("market");
        market.put("markPrice", text(mark));
        if (random.nextInt(10) >= 3) {
            return;
        }
        ObjectNode inputs = market.putObject("markPriceInputs");
        ArrayNode components = inputs.putArray("indexComponents");
        String[] sources = {"EXA", "EXB", "EXC", "EXD", "EXE"};
        for (String source : sources) {
            String spread = random.nextInt(12) == 0 ? "0.08" : "0.0015";
            components.addObject().put("source", source)
                    .put("price", text(roundTo(mark.multiply(around(BigDecimal.ONE, spread)), tick, RoundingMode.HALF_UP).max(tick)))
                    .put("weight", String.valueOf(1 + random.nextInt(3)));
        }
        inputs.put("outlierBand", Markets.OUTLIER_BAND).put("fundingRate", text(uniform("-0.0003", "0.0003").setScale(6, RoundingMode.HALF_UP)))
                .put("fundingTimeFraction", text(uniform("0", "1").setScale(3, RoundingMode.HALF_UP)))
                .put("basisAverage", text(roundTo(mark.multiply(uniform("-0.0005", "0.0005")), tick, RoundingMode.HALF_UP)))
                .put("lastPrice", text(roundTo(mark.multiply(around(BigDecimal.ONE, "0.001")), tick, RoundingMode.HALF_UP).max(tick)));
        EngineResult.Replayed recomputed = replay(e);
        boolean stillTriggers = recomputed != null
                && recomputed.findings().stream().noneMatch(f -> f.code() == FindingCode.TRIGGER_NOT_MET);
        if (stillTriggers) {
            market.put("markPrice", text(recomputed.markPrice()));
        } else {
            market.remove("markPriceInputs"); // the index landed on the healthy side: state the mark plainly
        }
    }

    /** Adds fills one step at a time, each of the quantity the venue's policy plans for it. */
    private void planFills(ObjectNode e, BigDecimal tick, boolean isLong) {
        ArrayNode fills = (ArrayNode) e.get("fills");
        for (int guard = 0; guard < 20; guard++) {
            EngineResult.Replayed r = replay(e);
            EngineResult.Finding missing = r == null ? null : r.findings().stream()
                    .filter(f -> f.code() == FindingCode.INCOMPLETE_LIQUIDATION).findFirst().orElse(null);
            if (missing == null) {
                return;
            }
            BigDecimal stepMark = r.markPrice();
            boolean heavy = random.nextInt(8) == 0; // a thin book: fills far past the mark, the fund pays
            BigDecimal slip = heavy ? uniform("0.005", "0.03") : uniform("0", "0.003");
            BigDecimal factor = isLong ? BigDecimal.ONE.subtract(slip) : BigDecimal.ONE.add(slip);
            BigDecimal price = roundTo(stepMark.multiply(factor), tick, RoundingMode.HALF_UP).max(tick);
            ObjectNode fill = fills.addObject().put("step", missing.step()).put("quantity", e.at("/contract/lotSize").asText())
                    .put("price", text(price));
            EngineResult.Replayed planned = replay(e);
            (planned == null ? List.<EngineResult.Finding>of() : planned.findings()).stream()
                    .filter(f -> f.code() == FindingCode.STEP_QUANTITY_MISMATCH && f.step() == missing.step())
                    .findFirst().ifPresent(f -> fill.put("quantity", text(f.expected())));
        }
    }

    private static ObjectNode reported(EngineResult.Replayed r) {
        ObjectNode rep = JSON.createObjectNode();
        rep.put("markPrice", text(r.markPrice()));
        putNullable(rep, "liquidationPrice", r.liquidationPrice());
        putNullable(rep, "bankruptcyPrice", r.bankruptcyPrice());
        rep.put("outcome", r.outcome().name()).put("liquidatedQuantity", text(r.liquidatedQuantity()))
                .put("totalFee", text(r.totalFee())).put("excessEquity", text(r.excessEquity()))
                .put("traderReturn", text(r.traderReturn())).put("bankruptcyLoss", text(r.bankruptcyLoss()))
                .put("insuranceFundDelta", text(r.insuranceFundDelta())).put("adlShortfall", text(r.adlShortfall()));
        ArrayNode steps = rep.putArray("steps");
        r.steps().forEach(s -> steps.addObject().put("step", s.step()).put("fee", text(s.fee())));
        return rep;
    }

    private void plant(ObjectNode e, EngineResult.Replayed r, BigDecimal lot, BigDecimal tick) {
        ObjectNode rep = (ObjectNode) e.get("reported");
        ArrayNode fills = (ArrayNode) e.get("fills");
        switch (lastDefect) {
            case WRONG_FEE -> {
                if (r.steps().isEmpty()) {
                    lastDefect = Defect.NONE;
                    return;
                }
                BigDecimal extra = uniform("0.01", "5").setScale(2, RoundingMode.HALF_UP);
                ObjectNode step = (ObjectNode) rep.get("steps").get(0);
                step.put("fee", text(new BigDecimal(step.get("fee").asText()).add(extra)));
                rep.put("totalFee", text(r.totalFee().add(extra)));
            }
            case TRIGGER_NOT_MET -> {
                ObjectNode market = (ObjectNode) e.get("market");
                market.remove("markPriceInputs");
                market.put("markPrice", e.at("/position/entryPrice").asText());
            }
            case MISSING_FILL -> {
                if (fills.size() < 2) {
                    lastDefect = Defect.NONE;
                    return;
                }
                fills.remove(fills.size() - 1);
            }
            case WRONG_PRICE -> {
                String field = r.bankruptcyPrice() != null && random.nextBoolean() ? "bankruptcyPrice" : "liquidationPrice";
                BigDecimal stated = field.equals("bankruptcyPrice") ? r.bankruptcyPrice() : r.liquidationPrice();
                rep.put(field, text(stated.add(tick.multiply(BigDecimal.valueOf(3 + random.nextInt(20))))));
            }
            case WRONG_QUANTITY -> {
                if (fills.size() < 2) {
                    lastDefect = Defect.NONE;
                    return;
                }
                ObjectNode first = (ObjectNode) fills.get(0);
                ObjectNode second = (ObjectNode) fills.get(1);
                BigDecimal q1 = new BigDecimal(first.get("quantity").asText());
                BigDecimal q2 = new BigDecimal(second.get("quantity").asText());
                if (q2.compareTo(lot) <= 0) {
                    lastDefect = Defect.NONE;
                    return;
                }
                first.put("quantity", text(q1.add(lot))); // one lot moved from step 2 to step 1
                second.put("quantity", text(q2.subtract(lot)));
            }
            case WRONG_FUND_DELTA -> rep.put("insuranceFundDelta", text(r.insuranceFundDelta().add(BigDecimal.ONE)));
            case NONE -> {
            }
        }
    }

    /** The replay of a draft event, or null when the draft cannot be replayed (the attempt is then dropped). */
    private EngineResult.Replayed replay(ObjectNode e) {
        EventJsonReader.Result read = EventJsonReader.readStored(e);
        if (!read.isValid()) {
            throw new IllegalStateException("the demo generator made a malformed event: " + read.problems());
        }
        return LiquidationEngine.replay(read.event()).replayed().orElse(null);
    }

    /** A uniformly chosen decimal in [low, high), with six decimal places; no binary floating point. */
    private BigDecimal uniform(String low, String high) {
        BigDecimal lo = new BigDecimal(low);
        BigDecimal span = new BigDecimal(high).subtract(lo);
        return lo.add(span.multiply(BigDecimal.valueOf(random.nextInt(1_000_000))).movePointLeft(6));
    }

    /** {@code center·(1 ± spread)}, uniformly. */
    private BigDecimal around(BigDecimal center, String spread) {
        return center.add(uniform("-" + spread, spread));
    }

    private static BigDecimal roundTo(BigDecimal x, BigDecimal unit, RoundingMode mode) {
        return x.divide(unit, 0, mode).multiply(unit);
    }

    private static String text(BigDecimal v) {
        return DecimalText.of(v);
    }

    private static void putNullable(ObjectNode node, String field, BigDecimal v) {
        if (v == null) {
            node.putNull(field);
        } else {
            node.put(field, text(v));
        }
    }

    /** The first {@code count} events of a seed. */
    public static List<JsonNode> generate(long seed, int count) {
        DemoEvents gen = new DemoEvents(seed);
        java.util.ArrayList<JsonNode> events = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(gen.next());
        }
        return events;
    }
}
