package io.liqaudit.eventjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.demo.DemoEvents;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.engine.Verdict;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.platform.json.CanonicalJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's output written straight as text is the tree's document, byte for byte. */
class EngineResultJsonTest {

    @Test
    void textIsTheTreesDocumentForEveryVectorAndDemoEvent() {
        List<JsonNode> inputs = new ArrayList<>(TestEvents.all());
        inputs.addAll(DemoEvents.generate(3, 3_000));
        Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
        for (JsonNode input : inputs) {
            EventJsonReader.Result read = EventJsonReader.readStored(input);
            if (!read.isValid()) {
                continue;
            }
            EngineResult result = LiquidationEngine.replay(read.event());
            seen.add(result.verdict());
            assertThat(EngineResultJson.text(result)).as(CanonicalJson.text(input))
                    .isEqualTo(EngineResultJson.write(result).toString());
        }
        assertThat(seen).containsExactlyInAnyOrder(Verdict.values());
    }
}
