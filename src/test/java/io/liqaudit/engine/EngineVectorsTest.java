package io.liqaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.eventjson.EngineResultJson;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public vector of ENGINE-SPEC version 1 (test resources vectors/engine-v1-public.json). */
class EngineVectorsTest {

    static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = EngineVectorsTest.class.getResourceAsStream("/vectors/engine-v1-public.json")) {
            JsonNode all = JSON.readTree(in);
            assertThat(all.size()).isGreaterThanOrEqualTo(81);
            return StreamSupport.stream(all.spliterator(), false)
                    .map(v -> Arguments.of(v.get("name").asText(), v.get("input"), v.get("expected")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void replayMatchesTheExpectedOutput(String name, JsonNode input, JsonNode expected) {
        EventJsonReader.Result read = EventJsonReader.readStored(input);
        assertThat(read.problems()).as("the vector's input is well-formed").isEmpty();
        JsonNode actual = EngineResultJson.write(LiquidationEngine.replay(read.event()));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(actual.get("verdict").asText()).as("verdict").isEqualTo(expected.get("verdict").asText());
        if (expected.get("verdict").asText().equals("UNVERIFIABLE")) {
            soft.assertThat(actual.get("unverifiableReasons").size()).as("reasons").isPositive();
            soft.assertAll();
            return;
        }
        for (String field : List.of("markPrice", "liquidationPrice", "bankruptcyPrice", "liquidatedQuantity", "totalFee",
                "excessEquity", "traderReturn", "bankruptcyLoss", "insuranceFundDelta", "insuranceFundBalanceAfter",
                "adlShortfall", "remainingLiquidationPrice")) {
            assertDecimal(soft, field, expected.get(field), actual.get(field));
        }
        for (String field : List.of("triggered", "ordersCancelled", "resolvedByOrderCancel", "outcome")) {
            soft.assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        soft.assertThat(actual.get("steps").size()).as("number of steps").isEqualTo(expected.get("steps").size());
        for (int i = 0; i < Math.min(actual.get("steps").size(), expected.get("steps").size()); i++) {
            JsonNode e = expected.get("steps").get(i);
            JsonNode a = actual.get("steps").get(i);
            soft.assertThat(a.get("step").asInt()).as("steps[%d].step", i).isEqualTo(e.get("step").asInt());
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!field.equals("step")) {
                    assertDecimal(soft, "steps[" + i + "]." + field, e.get(field), a.get(field));
                }
            }
        }
        soft.assertThat(findings(actual)).as("findings").containsExactlyInAnyOrderElementsOf(findings(expected));
        soft.assertThat(differences(actual)).as("differences").containsExactlyInAnyOrderElementsOf(differences(expected));
        soft.assertAll();
    }

    private static void assertDecimal(SoftAssertions soft, String field, JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            soft.assertThat(actual == null || actual.isNull()).as("%s is null (was %s)", field, actual).isTrue();
            return;
        }
        soft.assertThat(actual != null && actual.isTextual()).as("%s is a decimal string", field).isTrue();
        if (actual != null && actual.isTextual()) {
            soft.assertThat(new BigDecimal(actual.asText())).as(field).isEqualByComparingTo(new BigDecimal(expected.asText()));
        }
    }

    /** A finding as comparable text: code, step, and expected/actual normalised numerically. */
    private static List<String> findings(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : result.get("findings")) {
            out.add(f.get("code").asText() + " step=" + (f.has("step") ? f.get("step").asInt() : "-")
                    + " expected=" + number(f.get("expected")) + " actual=" + number(f.get("actual")));
        }
        return out;
    }

    private static List<String> differences(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : result.get("differences")) {
            out.add(d.get("field").asText() + " reported=" + value(d.get("reported")) + " recomputed=" + value(d.get("recomputed")));
        }
        return out;
    }

    private static String number(JsonNode n) {
        return n == null || n.isNull() ? "-" : DecimalText.of(new BigDecimal(n.asText()));
    }

    private static String value(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        try {
            return DecimalText.of(new BigDecimal(n.asText()));
        } catch (NumberFormatException e) {
            return n.asText(); // an outcome
        }
    }
}
