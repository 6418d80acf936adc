package io.liqaudit.eventjson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.engine.DecimalText;
import io.liqaudit.engine.EngineResult;
import java.math.BigDecimal;

/**
 * Writes an engine result as ENGINE-SPEC section 10 shows it: fields in the spec's order,
 * decimals as plain strings, nulls kept. The same result always gives the same bytes.
 */
public final class EngineResultJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EngineResultJson() {
    }

    public static ObjectNode write(EngineResult result) {
        ObjectNode out = JSON.objectNode();
        out.put("engineVersion", result.engineVersion());
        out.put("eventId", result.eventId());
        out.put("verdict", result.verdict().name());
        ArrayNode reasons = out.putArray("unverifiableReasons");
        result.unverifiableReasons().forEach(reasons::add);
        if (!(result instanceof EngineResult.Replayed r)) {
            return out; // an unverifiable result carries only its reasons (ENGINE-SPEC section 9)
        }
        decimal(out, "markPrice", r.markPrice());
        out.put("triggered", r.triggered());
        out.put("ordersCancelled", r.ordersCancelled());
        out.put("resolvedByOrderCancel", r.resolvedByOrderCancel());
        decimal(out, "liquidationPrice", r.liquidationPrice());
        decimal(out, "bankruptcyPrice", r.bankruptcyPrice());
        ArrayNode steps = out.putArray("steps");
        for (EngineResult.Step s : r.steps()) {
            ObjectNode step = steps.addObject();
            step.put("step", s.step());
            decimal(step, "markPrice", s.markPrice());
            decimal(step, "plannedQuantity", s.plannedQuantity());
            decimal(step, "quantity", s.quantity());
            decimal(step, "price", s.price());
            decimal(step, "realizedPnl", s.realizedPnl());
            decimal(step, "fee", s.fee());
            decimal(step, "collateralAfter", s.collateralAfter());
            decimal(step, "remainingQuantity", s.remainingQuantity());
        }
        out.put("outcome", r.outcome().name());
        decimal(out, "liquidatedQuantity", r.liquidatedQuantity());
        decimal(out, "totalFee", r.totalFee());
        decimal(out, "excessEquity", r.excessEquity());
        decimal(out, "traderReturn", r.traderReturn());
        decimal(out, "bankruptcyLoss", r.bankruptcyLoss());
        decimal(out, "insuranceFundDelta", r.insuranceFundDelta());
        decimal(out, "insuranceFundBalanceAfter", r.insuranceFundBalanceAfter());
        decimal(out, "adlShortfall", r.adlShortfall());
        decimal(out, "remainingLiquidationPrice", r.remainingLiquidationPrice());
        ArrayNode findings = out.putArray("findings");
        for (EngineResult.Finding f : r.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("code", f.code().name());
            if (f.step() != null) {
                finding.put("step", f.step());
            }
            if (f.expected() != null) {
                decimal(finding, "expected", f.expected());
            }
            if (f.actual() != null) {
                decimal(finding, "actual", f.actual());
            }
        }
        ArrayNode differences = out.putArray("differences");
        for (EngineResult.Difference d : r.differences()) {
            differences.addObject().put("field", d.field()).put("reported", d.reported()).put("recomputed", d.recomputed());
        }
        return out;
    }

    private static void decimal(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, DecimalText.of(value));
        }
    }
}
