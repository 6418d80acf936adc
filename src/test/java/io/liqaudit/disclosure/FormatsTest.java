package io.liqaudit.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void numbersHaveThousandsSeparatorsAndTheirDecimals() {
        assertThat(Formats.money(new BigDecimal("1234567.895"))).isEqualTo("1,234,567.90");
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
