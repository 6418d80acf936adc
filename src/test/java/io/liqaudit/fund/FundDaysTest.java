package io.liqaudit.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fund statement's arithmetic on a chain written by hand: flows by type, opening and closing, breaks, the check. */
class FundDaysTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void daysAddUpAndABreakOrAnUnknownDeltaIsSaid() {
        FundDays days = new FundDays("F", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05"));
        // 1 March, before the period: walked, not reported.
        days.event(1, LocalDate.parse("2026-03-01"), d("1000"), d("10"), d("10"), d("0"), d("0"), d("0"), d("0"));
        // 2 March: a deposit, then an event whose fee and excess go to the fund.
        days.movement(LocalDate.parse("2026-03-02"), "DEPOSIT", d("100"));
        days.event(2, LocalDate.parse("2026-03-02"), d("1110"), d("25.5"), d("5.5"), d("20"), d("0"), d("0"), d("0"));
        // 3 March: a bankruptcy draw of 40 (loss 50 less ADL 10), then a break (stated 2000).
        days.event(3, LocalDate.parse("2026-03-03"), d("1135.5"), d("-40"), null, d("0"), d("0"), d("50"), d("10"));
        days.event(4, LocalDate.parse("2026-03-03"), d("2000"), d("1"), d("1"), d("0"), d("0"), d("0"), d("0"));
        // 4 March: an event that could not be recomputed, then a withdrawal.
        days.event(5, LocalDate.parse("2026-03-04"), d("2001"), null, null, null, null, null, null);
        days.movement(LocalDate.parse("2026-03-04"), "WITHDRAWAL", d("-5"));
        // 5 March: after the period.
        days.event(6, LocalDate.parse("2026-03-05"), d("1996"), d("1"), d("1"), d("0"), d("0"), d("0"), d("0"));
        List<List<Object>> rows = days.rows();

        assertThat(rows).hasSize(3);
        List<Object> second = rows.get(0);
        assertThat(second.subList(0, 3)).containsExactly("F", "2026-03-02", d("1010"));
        assertThat(second.get(3)).isEqualTo(d("5.5"));
        assertThat(second.get(4)).isEqualTo(d("20"));
        assertThat(second.get(6)).isEqualTo(d("100"));
        assertThat((BigDecimal) second.get(10)).isEqualByComparingTo("1135.5");
        assertThat(second.subList(12, 15)).containsExactly(1L, 0L, "true");

        List<Object> third = rows.get(1);
        assertThat(third.get(5)).isEqualTo(d("40"));
        assertThat(third.get(11)).isEqualTo(d("10"));
        assertThat((BigDecimal) third.get(10)).isEqualByComparingTo("2001");
        assertThat(third.subList(12, 15)).containsExactly(2L, 1L, "false");
        assertThat(days.breaks()).containsExactly(new FundDays.Break(4, "2026-03-03", d("2000"), d("1095.5")));

        List<Object> fourth = rows.get(2);
        assertThat(fourth.get(7)).isEqualTo(d("5"));
        assertThat(fourth.get(10)).as("unknown after an event that could not be recomputed").isNull();
        assertThat(fourth.get(14)).isEqualTo("false");
    }

    @Test
    void theFirstEntryOfAFundOpensItsDayWithTheStatedBalance() {
        FundDays days = new FundDays("F", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"));
        days.event(7, LocalDate.parse("2026-01-10"), d("500"), d("-20"), null, d("0"), d("0"), d("20"), d("0"));
        List<Object> row = days.rows().get(0);
        assertThat(row.get(2)).isEqualTo(d("500"));
        assertThat((BigDecimal) row.get(10)).isEqualByComparingTo("480");
        assertThat(row.get(14)).isEqualTo("true");
    }
}
