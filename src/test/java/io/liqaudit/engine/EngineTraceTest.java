package io.liqaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.eventjson.EventJsonReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trace states the replay's own numbers: for every public vector (and 2,000 seeded random
 * events), the traced result is the replay's result, and every figure the trace names — mark,
 * prices, each step's plan, PnL, fee, collateral and position, the settlement — equals the
 * corresponding figure of the result, exactly (same scale too).
 */
class EngineTraceTest {

    static Stream<Arguments> vectors() throws java.io.IOException {
        return EngineVectorsTest.vectors();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyFigureTheTraceStatesIsTheReplays(String name, JsonNode input, JsonNode expected) {
        checkTrace(EventJsonReader.readStored(input).event());
    }

    @Test
    void soForRandomEventsToo() {
        RandomEvents gen = new RandomEvents(20261127);
        for (int i = 0; i < 1_000; i++) {
            checkTrace(gen.realistic(i));
            checkTrace(gen.wild(i));
        }
    }

    private static void checkTrace(LiquidationEvent event) {
        Traced traced = LiquidationEngine.trace(event);
        EngineResult replayed = LiquidationEngine.replay(event);
        assertThat(traced.result()).isEqualTo(replayed);
        if (!(traced.result() instanceof EngineResult.Replayed r)) {
            assertThat(traced.trace()).isEmpty();
            return;
        }
        Map<String, TraceEntry> byName = traced.trace().stream()
                .collect(Collectors.toMap(TraceEntry::name, Function.identity(), (a, b) -> a));
        assertThat(byName.get("mark price at the trigger M0").value()).isEqualTo(r.markPrice());
        assertThat(byName.get("liquidation price").value()).isEqualTo(r.liquidationPrice());
        assertThat(byName.get("bankruptcy price").value()).isEqualTo(r.bankruptcyPrice());
        assertThat(byName.get("trigger").conclusion()).startsWith(r.triggered() ? "triggered" : "not triggered");
        assertThat(byName.containsKey("after cancelling open orders")).isEqualTo(r.ordersCancelled());
        for (EngineResult.Step step : r.steps()) {
            int k = step.step();
            assertThat(byName.get("realized PnL of step " + k).value()).isEqualTo(step.realizedPnl());
            assertThat(byName.get("fee of step " + k).value()).isEqualTo(step.fee());
            assertThat(byName.get("collateral after step " + k).value()).isEqualTo(step.collateralAfter());
            assertThat(byName.get("position after step " + k).value()).isEqualTo(step.remainingQuantity());
            TraceEntry planned = byName.get("planned quantity q" + k);
            if (planned != null) {
                assertThat(planned.value()).isEqualTo(step.plannedQuantity());
            } else {
                assertThat(step.plannedQuantity()).isEqualByComparingTo(BigDecimal.ZERO); // an unplanned step
            }
        }
        assertThat(byName.get("liquidated quantity").value()).isEqualTo(r.liquidatedQuantity());
        assertThat(byName.get("total fee").value()).isEqualTo(r.totalFee());
        assertThat(byName.get("outcome").conclusion()).isEqualTo(r.outcome().name());
        assertThat(byName.get("excess equity").value()).isEqualTo(r.excessEquity());
        assertThat(byName.get("trader return").value()).isEqualTo(r.traderReturn());
        assertThat(byName.get("bankruptcy loss").value()).isEqualTo(r.bankruptcyLoss());
        assertThat(byName.get("ADL shortfall").value()).isEqualTo(r.adlShortfall());
        assertThat(byName.get("insurance fund delta").value()).isEqualTo(r.insuranceFundDelta());
        assertThat(byName.get("insurance fund balance after").value()).isEqualTo(r.insuranceFundBalanceAfter());
        TraceEntry remaining = byName.get("remaining liquidation price");
        assertThat(remaining == null ? null : remaining.value()).isEqualTo(r.remainingLiquidationPrice());
        // Every entry says where in the spec it comes from and what it computed.
        List<TraceEntry> all = traced.trace();
        assertThat(all).allSatisfy(e -> {
            assertThat(e.section()).isNotBlank();
            assertThat(e.formula()).isNotBlank();
            assertThat(e.value() != null || e.conclusion() != null).as(e.name()).isTrue();
        });
    }
}
