package io.liqaudit.fund;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.fund.FundChain.Element;
import io.liqaudit.fund.FundChain.Kind;
import io.liqaudit.fund.FundChain.Link;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundChainTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2026-03-01T00:00:00Z");

    static Element event(int minute, String before, String delta) {
        return new Element(Kind.EVENT, T.plusMinutes(minute), minute, "e" + minute, new BigDecimal(before),
                delta == null ? null : new BigDecimal(delta));
    }

    static Element movement(int minute, String signed) {
        return new Element(Kind.MOVEMENT, T.plusMinutes(minute), minute, "m" + minute, null, new BigDecimal(signed));
    }

    @Test
    void eventsAndMovementsChainAndABreakIsFlaggedOnTheLaterEvent() {
        List<Link> links = FundChain.walk(false, null, List.of(
                event(1, "1000", "2.5"),          // opening balance: nothing to check
                movement(2, "500"),               // 1002.5 -> 1502.5
                event(3, "1502.50", "-100"),      // chains (numerically equal)
                movement(4, "-2.5"),              // 1402.5 -> 1400
                event(5, "1399", "0")));          // break: expected 1400
        assertThat(links).extracting(Link::discontinuity).containsExactly(false, false, false, false, true);
        assertThat(links.get(0).expectedBefore()).isNull();
        assertThat(links.get(3).balanceAfter()).isEqualByComparingTo("1400");
        assertThat(links.get(4).expectedBefore()).isEqualByComparingTo("1400");
    }

    @Test
    void movementsBeforeTheFirstEventStartFromZero() {
        List<Link> links = FundChain.walk(false, null, List.of(movement(1, "700"), event(2, "700", "1"), event(3, "702", "0")));
        assertThat(links).extracting(Link::discontinuity).containsExactly(false, false, true);
    }

    @Test
    void anUnverifiableEventLeavesTheNextOneUnchecked() {
        List<Link> links = FundChain.walk(true, new BigDecimal("10"), List.of(event(1, "10", null), movement(2, "5"),
                event(3, "999", "0")));
        assertThat(links).extracting(Link::discontinuity).containsExactly(false, false, false);
        assertThat(links.get(2).expectedBefore()).isNull();
    }

    /**
     * The local rule (the last event before, and the movements since) gives every event the same
     * flag as walking the whole chain: over 2,000 random chains of events (some unverifiable),
     * movements, ties in time, and balances that chain or break.
     */
    @Test
    void theLocalRuleAgreesWithTheWholeWalk() {
        java.util.Random random = new java.util.Random(20261127);
        for (int round = 0; round < 2_000; round++) {
            List<Element> chain = new java.util.ArrayList<>();
            BigDecimal running = null;
            int minute = 0;
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                minute += random.nextInt(3); // ties in time happen
                if (random.nextInt(3) == 0) {
                    String amount = Integer.toString(random.nextInt(200) - 100);
                    chain.add(movement(minute, amount));
                    running = running == null ? null : running.add(new BigDecimal(amount));
                } else {
                    String before = running != null && random.nextInt(4) > 0 ? running.toPlainString()
                            : Integer.toString(1000 + random.nextInt(5));
                    String delta = random.nextInt(6) == 0 ? null : Integer.toString(random.nextInt(50) - 25);
                    chain.add(event(minute, before, delta));
                    running = delta == null ? null : new BigDecimal(before).add(new BigDecimal(delta));
                }
            }
            chain.sort(java.util.Comparator.comparing(Element::occurredAt).thenComparingInt(Element::order)
                    .thenComparingLong(Element::ref));
            List<Link> walked = FundChain.walk(false, null, chain);
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i).kind() != Kind.EVENT) {
                    continue;
                }
                int previous = i - 1;
                BigDecimal total = BigDecimal.ZERO;
                long movements = 0;
                while (previous >= 0 && chain.get(previous).kind() == Kind.MOVEMENT) {
                    total = total.add(chain.get(previous).delta());
                    movements++;
                    previous--;
                }
                Element prev = previous >= 0 ? chain.get(previous) : null;
                BigDecimal prevAfter = prev == null || prev.delta() == null ? null : prev.stated().add(prev.delta());
                BigDecimal expected = FundChain.expectedBefore(prev != null, prevAfter, movements, total);
                assertThat(FundChain.breaks(expected, chain.get(i).stated()))
                        .as("round %d, element %d of %s", round, i, chain).isEqualTo(walked.get(i).discontinuity());
            }
        }
    }
}
