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
}
