package io.liqaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.Verdict;
import io.liqaudit.eventjson.EventJsonReader;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoEventsTest {

    static final int COUNT = 3000;

    @Test
    void theSameSeedGivesTheSameEvents() {
        assertThat(DemoEvents.generate(7, 200).toString()).isEqualTo(DemoEvents.generate(7, 200).toString());
        assertThat(DemoEvents.generate(8, 50).toString()).isNotEqualTo(DemoEvents.generate(7, 50).toString());
    }

    @Test
    void eventsAreRealisticVariedAndAboutOneInFiveIsDefective() {
        DemoEvents gen = new DemoEvents(42);
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Map<DemoEvents.Defect, Integer> defects = new EnumMap<>(DemoEvents.Defect.class);
        Set<String> policies = new HashSet<>();
        Set<String> modes = new HashSet<>();
        Set<Outcome> outcomes = new HashSet<>();
        Map<String, BigDecimal> balanceAfter = new HashMap<>();
        int gains = 0, draws = 0, shortfalls = 0, chained = 0;
        String previousTime = "";
        for (int i = 0; i < COUNT; i++) {
            JsonNode e = gen.next();
            defects.merge(gen.lastDefect(), 1, Integer::sum);
            EventJsonReader.Result read = EventJsonReader.readStored(e);
            assertThat(read.problems()).isEmpty();
            EngineResult.Replayed r = LiquidationEngine.replay(read.event()).replayed().orElseThrow();
            verdicts.merge(r.verdict(), 1, Integer::sum);
            if (gen.lastDefect() == DemoEvents.Defect.NONE) {
                assertThat(r.verdict()).as("an event without a planted defect is consistent: %s", e).isEqualTo(Verdict.CONSISTENT);
            } else {
                assertThat(r.verdict()).as("a planted %s is found: %s", gen.lastDefect(), e).isEqualTo(Verdict.DISCREPANT);
            }
            policies.add(e.at("/policy/mode").asText());
            modes.add(e.at("/position/marginMode").asText());
            outcomes.add(r.outcome());
            gains += r.insuranceFundDelta().signum() > 0 ? 1 : 0;
            draws += r.bankruptcyLoss().signum() > 0 ? 1 : 0;
            shortfalls += r.adlShortfall().signum() > 0 ? 1 : 0;
            String fund = e.at("/insuranceFund/fundId").asText();
            BigDecimal before = new BigDecimal(e.at("/insuranceFund/balanceBefore").asText());
            if (balanceAfter.containsKey(fund)) {
                assertThat(before).as("fund %s chains", fund).isEqualByComparingTo(balanceAfter.get(fund));
                chained++;
            }
            balanceAfter.put(fund, r.insuranceFundBalanceAfter());
            assertThat(e.get("occurredAt").asText()).isGreaterThan(previousTime);
            previousTime = e.get("occurredAt").asText();
        }
        int defective = COUNT - defects.getOrDefault(DemoEvents.Defect.NONE, 0);
        assertThat(defective).as("about one in five").isBetween(COUNT * 16 / 100, COUNT * 24 / 100);
        assertThat(defects.keySet()).containsAll(List.of(DemoEvents.Defect.values()));
        assertThat(policies).containsExactlyInAnyOrder("FULL", "FIXED_FRACTIONS", "TIER_DOWN", "MIN_RESTORE");
        assertThat(modes).containsExactlyInAnyOrder("ISOLATED", "CROSS");
        assertThat(outcomes).contains(Outcome.PARTIAL, Outcome.FULL);
        assertThat(gains).isPositive();
        assertThat(draws).isPositive();
        assertThat(shortfalls).isPositive();
        assertThat(chained).isEqualTo(COUNT - balanceAfter.size());
        System.out.printf("demo events: %s %s gains=%d draws=%d shortfalls=%d%n", verdicts, defects, gains, draws, shortfalls);
    }

    @Test
    void venuesPublishTheirRulesAndAFewEventsBreakThemWhileReplayingConsistently() {
        Map<String, Map<String, io.liqaudit.rules.RuleSet>> published = new HashMap<>();
        for (Markets.Venue v : Markets.VENUES) {
            Map<String, io.liqaudit.rules.RuleSet> sets = new HashMap<>();
            if (Markets.publishesRules(v)) {
                for (var doc : Markets.ruleSets(v)) {
                    io.liqaudit.rules.RuleSetReader.Read read = io.liqaudit.rules.RuleSetReader.read(doc);
                    assertThat(read.problems()).as("the demo's rule sets are valid").isEmpty();
                    sets.put(read.ruleSet().ruleVersion(), read.ruleSet());
                }
            }
            published.put(v.name(), sets);
        }
        DemoEvents gen = new DemoEvents(42);
        Map<DemoEvents.RuleBreak, Integer> breaks = new EnumMap<>(DemoEvents.RuleBreak.class);
        Set<io.liqaudit.rules.RuleComparison.Standing> standings = new HashSet<>();
        for (int i = 0; i < 6_000; i++) {
            JsonNode e = gen.next();
            breaks.merge(gen.lastRuleBreak(), 1, Integer::sum);
            var event = EventJsonReader.readStored(e).event();
            var result = io.liqaudit.rules.RuleComparison.check(event, published.get(event.venue()));
            standings.add(result.standing());
            if (gen.lastRuleBreak() == DemoEvents.RuleBreak.NONE) {
                assertThat(result.findings()).as("%s", e).isEmpty();
            } else {
                assertThat(result.standing()).as("a planted %s is found: %s", gen.lastRuleBreak(), e)
                        .isEqualTo(io.liqaudit.rules.RuleComparison.Standing.BREAKS);
                assertThat(result.codes()).containsExactly(gen.lastRuleBreak() == DemoEvents.RuleBreak.UNKNOWN_RULE_VERSION
                        ? "RULE_VERSION_UNKNOWN" : "RULES_MISMATCH");
                if (gen.lastDefect() == DemoEvents.Defect.NONE) {
                    assertThat(LiquidationEngine.replay(event).verdict()).as("the replay alone finds nothing")
                            .isEqualTo(Verdict.CONSISTENT);
                }
            }
        }
        assertThat(breaks.keySet()).containsAll(List.of(DemoEvents.RuleBreak.values()));
        assertThat(standings).containsExactlyInAnyOrder(io.liqaudit.rules.RuleComparison.Standing.values());
        int broken = 6_000 - breaks.get(DemoEvents.RuleBreak.NONE);
        assertThat(broken).as("about 1.5 % of three venues' events").isBetween(30, 120);
    }
}
