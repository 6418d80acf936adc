package io.liqaudit.fund;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.json.JsonFields;
import io.liqaudit.platform.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A movement of an insurance fund outside liquidations. {@code movementId} is the idempotency
 * key within the fund; {@code amount} is positive, its direction given by {@code kind}.
 */
public record FundMovement(String movementId, Kind kind, BigDecimal amount, Instant occurredAt, String reference) {

    public static final int MAX_REFERENCE = 500;
    private static final Set<String> FIELDS = Set.of("movementId", "kind", "amount", "occurredAt", "reference");

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

    /** The movement, or the problems that make the body malformed (then {@code movement} is null). */
    public record Read(FundMovement movement, List<FieldError> problems) {
    }

    /** Reads a movement body by the same rules as events; {@code occurredAt} may not be later than {@code latest}. */
    public static Read read(JsonNode body, Instant latest) {
        JsonFields f = new JsonFields(latest);
        if (body == null || !body.isObject()) {
            f.problem("$", "must be a JSON object");
            return new Read(null, f.problems());
        }
        f.onlyKnown(new JsonFields.At(body, "$"), FIELDS);
        String movementId = f.identifier(body, "$", "movementId", true);
        Kind kind = f.enumValue(body, "$", "kind", Kind.class, true);
        BigDecimal amount = f.decimal(body, "$", "amount", true);
        if (amount != null && amount.signum() <= 0) {
            f.problem("$.amount", "must be greater than 0 (the kind gives the direction)");
        }
        Instant occurredAt = f.timestamp(body, "$", "occurredAt", true);
        String reference = f.text(body, "$", "reference", false, MAX_REFERENCE);
        return f.ok() ? new Read(new FundMovement(movementId, kind, amount, occurredAt, reference), List.of())
                : new Read(null, f.problems());
    }
}
