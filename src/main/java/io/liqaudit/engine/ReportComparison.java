package io.liqaudit.engine;

import io.liqaudit.engine.EngineResult.Difference;
import io.liqaudit.engine.EngineResult.Step;
import io.liqaudit.engine.LiquidationEvent.Reported;
import io.liqaudit.engine.LiquidationEvent.ReportedStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares each field the venue reported with the recomputed one (ENGINE-SPEC section 9):
 * decimals numerically, two nulls equal, the outcome as text, and each reported step fee with
 * the recomputed step of that number (null if there is none).
 */
final class ReportComparison {

    private ReportComparison() {
    }

    static List<Difference> differences(Reported reported, EngineResult.Replayed r) {
        List<Difference> out = new ArrayList<>();
        if (reported == null) {
            return out;
        }
        decimal(out, "markPrice", reported.markPrice(), r.markPrice());
        decimal(out, "liquidationPrice", reported.liquidationPrice(), r.liquidationPrice());
        decimal(out, "bankruptcyPrice", reported.bankruptcyPrice(), r.bankruptcyPrice());
        if (reported.outcome() != null) {
            String said = reported.outcome().value() == null ? null : reported.outcome().value().name();
            String recomputed = r.outcome() == null ? null : r.outcome().name();
            if (!java.util.Objects.equals(said, recomputed)) {
                out.add(new Difference("outcome", said, recomputed));
            }
        }
        decimal(out, "liquidatedQuantity", reported.liquidatedQuantity(), r.liquidatedQuantity());
        decimal(out, "totalFee", reported.totalFee(), r.totalFee());
        decimal(out, "excessEquity", reported.excessEquity(), r.excessEquity());
        decimal(out, "traderReturn", reported.traderReturn(), r.traderReturn());
        decimal(out, "bankruptcyLoss", reported.bankruptcyLoss(), r.bankruptcyLoss());
        decimal(out, "insuranceFundDelta", reported.insuranceFundDelta(), r.insuranceFundDelta());
        decimal(out, "adlShortfall", reported.adlShortfall(), r.adlShortfall());
        for (ReportedStep step : reported.steps()) {
            BigDecimal recomputed = r.steps().stream().filter(s -> s.step() == step.step()).map(Step::fee)
                    .findFirst().orElse(null);
            compare(out, "steps[" + step.step() + "].fee", step.fee(), recomputed);
        }
        return out;
    }

    private static void decimal(List<Difference> out, String field, Reported.Value<BigDecimal> said, BigDecimal recomputed) {
        if (said != null) {
            compare(out, field, said.value(), recomputed);
        }
    }

    private static void compare(List<Difference> out, String field, BigDecimal said, BigDecimal recomputed) {
        boolean equal = said == null ? recomputed == null : recomputed != null && said.compareTo(recomputed) == 0;
        if (!equal) {
            out.add(new Difference(field, plain(said), plain(recomputed)));
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? null : DecimalText.of(value);
    }
}
