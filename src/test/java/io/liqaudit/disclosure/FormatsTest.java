package io.liqaudit.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

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
        assertThat(Formats.decimal(new BigDecimal("96739.50"))).isEqualTo("96,739.5");
        assertThat(Formats.decimal(new BigDecimal("0.00001"))).isEqualTo("0.00001");
        assertThat(Formats.decimal(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(Formats.decimal(null)).isEqualTo("–");
        assertThat(Formats.bps(new BigDecimal("12.345"))).isEqualTo("12.3 bp");
        assertThat(Formats.percentOf(1, 3)).isEqualTo("33.3 %");
        assertThat(Formats.percentOf(1, 0)).isEqualTo("–");
    }
}
