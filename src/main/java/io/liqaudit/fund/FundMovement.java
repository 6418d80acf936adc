package io.liqaudit.fund;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A movement of an insurance fund outside liquidations. {@code movementId} is the idempotency
 * key within the fund; {@code amount} is positive, its direction given by {@code kind}.
 */
public record FundMovement(
        @NotNull @Size(min = 1, max = 200) String movementId,
        @NotNull Kind kind,
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
        @NotNull OffsetDateTime occurredAt,
        @Size(max = 500) String reference) {

    public enum Kind {
        DEPOSIT(1), WITHDRAWAL(-1), TRANSFER_IN(1), TRANSFER_OUT(-1);

        private final int sign;

        Kind(int sign) {
            this.sign = sign;
        }

        public BigDecimal signed(BigDecimal amount) {
            return sign > 0 ? amount : amount.negate();
        }
    }
}
