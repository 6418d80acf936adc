package io.liqaudit.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void axisMaximaAreReadableAndLabelsNeverOverlap() {
        assertThat(SvgCharts.niceCeiling(new BigDecimal("37"))).isEqualByComparingTo("40");
        assertThat(SvgCharts.niceCeiling(new BigDecimal("401"))).isEqualByComparingTo("600");
        assertThat(SvgCharts.niceCeiling(new BigDecimal("0.013"))).isEqualByComparingTo("0.02");
        assertThat(SvgCharts.niceCeiling(new BigDecimal("8000"))).isEqualByComparingTo("8000");
        assertThat(SvgCharts.niceCeiling(new BigDecimal("8001"))).isEqualByComparingTo("10000");
        assertThat(SvgCharts.niceCeiling(BigDecimal.ZERO)).isEqualByComparingTo("1");
        // 31 daily labels of 10 characters on 640 px: every 4th (4 × 20 px slots ≥ 76 px of text).
        java.util.List<SvgCharts.Point> days = java.util.stream.IntStream.rangeClosed(1, 31)
                .mapToObj(d -> new SvgCharts.Point(String.format("2026-03-%02d", d), BigDecimal.ONE)).toList();
        int slot = 640 / 31;
        int every = SvgCharts.labelEvery(days, slot);
        assertThat(every * slot).isGreaterThanOrEqualTo((int) Math.ceil(10 * 6.6) + 10);
        assertThat((every - 1) * slot).isLessThan((int) Math.ceil(10 * 6.6) + 10);
    }

    @Test
    void numbersHaveThousandsSeparatorsAndTheirDecimals() {
        assertThat(Formats.money(new BigDecimal("1234567.895"))).isEqualTo("1,234,567.895");
        assertThat(Formats.money(new BigDecimal("1234567.8900"))).isEqualTo("1,234,567.89");
        assertThat(Formats.money(new BigDecimal("-0.50"))).isEqualTo("-0.50");
        assertThat(Formats.money(new BigDecimal("0E-8"))).isEqualTo("0.00");
        assertThat(Formats.money(new BigDecimal("1E+3"))).isEqualTo("1,000.00");
        // Two rows of 0.005 and their headline: printed exactly, the rows add up to the headline.
        assertThat(Formats.money(new BigDecimal("0.005"))).isEqualTo("0.005");
        assertThat(Formats.money(new BigDecimal("0.010"))).isEqualTo("0.01");
        assertThat(Formats.count(1234567)).isEqualTo("1,234,567");
        assertThat(Formats.duration(java.time.Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(Formats.duration(java.time.Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(Formats.duration(java.time.Duration.ZERO)).isEqualTo("none");
        assertThat(Formats.time("2026-03-01T10:00:00.000000Z")).isEqualTo("2026-03-01 10:00:00");
        assertThat(Formats.time("2026-03-01T10:00:00.120000Z")).isEqualTo("2026-03-01 10:00:00.120000");
        assertThat(Formats.decimal(new BigDecimal("96739.50"))).isEqualTo("96,739.5");
        assertThat(Formats.decimal(new BigDecimal("0.00001"))).isEqualTo("0.00001");
        assertThat(Formats.decimal(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(Formats.decimal(null)).isEqualTo("–");
        assertThat(Formats.bps(new BigDecimal("12.345"))).isEqualTo("12.3 bp");
        assertThat(Formats.percentOf(1, 3)).isEqualTo("33.3 %");
        assertThat(Formats.percentOf(1, 0)).isEqualTo("–");
    }
}
