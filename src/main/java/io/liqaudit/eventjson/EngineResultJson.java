package io.liqaudit.eventjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.engine.DecimalText;
import io.liqaudit.engine.EngineResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

    private static final JsonFactory TEXT = new JsonFactory();

    /**
     * The same document as {@link #write} as text, byte for byte, written straight to the text:
     * building the tree and then printing it was a seventh of a re-verification run's JVM time.
     * EngineResultJsonTest holds the two to the same bytes on every vector and the demo's events.
     */
    public static String text(EngineResult result) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = TEXT.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("engineVersion", result.engineVersion());
            g.writeStringField("eventId", result.eventId());
            g.writeStringField("verdict", result.verdict().name());
            g.writeArrayFieldStart("unverifiableReasons");
            for (String reason : result.unverifiableReasons()) {
                g.writeString(reason);
            }
            g.writeEndArray();
            if (result instanceof EngineResult.Replayed r) {
                replayed(g, r);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void replayed(JsonGenerator g, EngineResult.Replayed r) throws IOException {
        decimal(g, "markPrice", r.markPrice());
        g.writeBooleanField("triggered", r.triggered());
        g.writeBooleanField("ordersCancelled", r.ordersCancelled());
        g.writeBooleanField("resolvedByOrderCancel", r.resolvedByOrderCancel());
        decimal(g, "liquidationPrice", r.liquidationPrice());
        decimal(g, "bankruptcyPrice", r.bankruptcyPrice());
        g.writeArrayFieldStart("steps");
        for (EngineResult.Step s : r.steps()) {
            g.writeStartObject();
            g.writeNumberField("step", s.step());
            decimal(g, "markPrice", s.markPrice());
            decimal(g, "plannedQuantity", s.plannedQuantity());
            decimal(g, "quantity", s.quantity());
            decimal(g, "price", s.price());
            decimal(g, "realizedPnl", s.realizedPnl());
            decimal(g, "fee", s.fee());
            decimal(g, "collateralAfter", s.collateralAfter());
            decimal(g, "remainingQuantity", s.remainingQuantity());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("outcome", r.outcome().name());
        decimal(g, "liquidatedQuantity", r.liquidatedQuantity());
        decimal(g, "totalFee", r.totalFee());
        decimal(g, "excessEquity", r.excessEquity());
        decimal(g, "traderReturn", r.traderReturn());
        decimal(g, "bankruptcyLoss", r.bankruptcyLoss());
        decimal(g, "insuranceFundDelta", r.insuranceFundDelta());
        decimal(g, "insuranceFundBalanceAfter", r.insuranceFundBalanceAfter());
        decimal(g, "adlShortfall", r.adlShortfall());
        decimal(g, "remainingLiquidationPrice", r.remainingLiquidationPrice());
        g.writeArrayFieldStart("findings");
        for (EngineResult.Finding f : r.findings()) {
            g.writeStartObject();
            g.writeStringField("code", f.code().name());
            if (f.step() != null) {
                g.writeNumberField("step", f.step());
            }
            if (f.expected() != null) {
                decimal(g, "expected", f.expected());
            }
            if (f.actual() != null) {
                decimal(g, "actual", f.actual());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("differences");
        for (EngineResult.Difference d : r.differences()) {
            g.writeStartObject();
            g.writeStringField("field", d.field());
            g.writeStringField("reported", d.reported());
            g.writeStringField("recomputed", d.recomputed());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void decimal(JsonGenerator g, String field, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, DecimalText.of(value));
        }
    }

    private static void decimal(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, DecimalText.of(value));
        }
    }
}
