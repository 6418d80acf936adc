package io.liqaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.ledger.LeafContent;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.json.CanonicalJson;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU one ingest request can cost at the largest sizes the input rules accept: the body
 * parsed, every event read and checked, canonicalised, hashed, replayed and given its leaf hash,
 * exactly the steps of {@code IngestService.prepare}. One thread; the score is milliseconds per
 * request, the time the request holds one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LargestRequestBenchmark {

    @Param("src/test/resources/vectors/engine-v1-public.json")
    public String vectors;

    /** The body limit of the service (quarkus.http.limits.max-body-size). */
    @Param("3145728")
    public int maxBody;

    private final ObjectMapper mapper = ExactDecimalJson.newMapper();
    private byte[] heaviestEvent;
    private byte[] heaviestBatch;
    private byte[] vectorBatch;
    private final java.time.Instant latest = InputRules.END;

    @Setup
    public void build() throws IOException {
        Path file = Path.of(vectors);
        if (!Files.exists(file)) {
            file = Path.of("..").resolve(vectors);
        }
        JsonNode all = mapper.readTree(Files.readAllBytes(file));
        ObjectNode heavy = heaviest((ObjectNode) all.get(1).get("input"));
        heaviestEvent = mapper.writeValueAsBytes(heavy);
        // As many of the heaviest events as the body limit lets one batch carry (at most 1,000).
        int fit = Math.min(1000, maxBody / (heaviestEvent.length + 1) - 1);
        heaviestBatch = batch(heavy, fit);
        StringBuilder b = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1000; i++) {
            ObjectNode e = (ObjectNode) all.get(i % all.size()).get("input").deepCopy();
            e.put("eventId", "v-" + i);
            b.append(i > 0 ? "," : "").append(mapper.writeValueAsString(e));
        }
        vectorBatch = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("%nheaviest event %d bytes; heaviest batch %d events, %d bytes; 1,000 vector events %d bytes%n",
                heaviestEvent.length, fit, heaviestBatch.length, vectorBatch.length);
    }

    private byte[] batch(ObjectNode event, int count) throws IOException {
        StringBuilder b = new StringBuilder("{\"events\":[");
        for (int i = 0; i < count; i++) {
            ObjectNode e = event.deepCopy();
            e.put("eventId", "h-" + i);
            b.append(i > 0 ? "," : "").append(mapper.writeValueAsString(e));
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed event at every list bound: the most tiers, index components and one-lot fills allowed. */
    private static ObjectNode heaviest(ObjectNode base) {
        ObjectNode e = base.deepCopy();
        ArrayNode tiers = e.putArray("riskTiers");
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal previousRate = null;
        for (int t = 0; t < EventJsonReader.MAX_TIERS; t++) {
            BigDecimal floor = BigDecimal.valueOf(t * 100_000L);
            BigDecimal rate = new BigDecimal("0.004").add(new BigDecimal("0.0025").multiply(BigDecimal.valueOf(t)));
            if (previousRate != null) {
                amount = amount.add(floor.multiply(rate.subtract(previousRate)));
            }
            previousRate = rate;
            ObjectNode tier = tiers.addObject().put("notionalFloor", floor.toPlainString());
            if (t + 1 < EventJsonReader.MAX_TIERS) {
                tier.put("notionalCap", BigDecimal.valueOf((t + 1) * 100_000L).toPlainString());
            } else {
                tier.putNull("notionalCap");
            }
            tier.put("maintenanceMarginRate", rate.toPlainString()).put("maintenanceAmount", amount.toPlainString());
        }
        BigDecimal lot = new BigDecimal(e.get("contract").get("lotSize").asText());
        BigDecimal mark = new BigDecimal(e.get("market").get("markPrice").asText());
        ((ObjectNode) e.get("position")).put("quantity", lot.multiply(BigDecimal.valueOf(EventJsonReader.MAX_FILLS)).toPlainString());
        ObjectNode policy = (ObjectNode) e.get("policy");
        policy.put("maxSteps", EventJsonReader.MAX_FILLS);
        ArrayNode fills = e.putArray("fills");
        for (int k = 1; k <= EventJsonReader.MAX_FILLS; k++) {
            fills.addObject().put("step", k).put("quantity", lot.toPlainString()).put("price", mark.toPlainString())
                    .put("markPrice", mark.toPlainString());
        }
        ObjectNode inputs = ((ObjectNode) e.get("market")).putObject("markPriceInputs");
        ArrayNode components = inputs.putArray("indexComponents");
        for (int c = 0; c < EventJsonReader.MAX_INDEX_COMPONENTS; c++) {
            components.addObject().put("source", "EX" + c).put("price", mark.toPlainString()).put("weight", "1");
        }
        inputs.put("outlierBand", "0.05").put("fundingRate", "0.0001").put("fundingTimeFraction", "0.5")
                .put("basisAverage", "0").put("lastPrice", mark.toPlainString());
        e.remove("reported");
        return e;
    }

    /** What ingest does to each item before any lock is taken. */
    private void prepare(JsonNode item, Blackhole bh) {
        EventJsonReader.Result read = EventJsonReader.read(item, latest);
        if (!read.isValid()) {
            throw new IllegalStateException(read.problems().toString());
        }
        String canonical = CanonicalJson.text(item);
        bh.consume(CanonicalJson.sha256(canonical));
        bh.consume(LiquidationEngine.replay(read.event()));
        bh.consume(LeafContent.leafHash(read.event().venue(), read.event().eventId(), "2026-11-26T00:00:00.000000Z", item,
                LeafContent.newSalt()));
    }

    @Benchmark
    public void heaviestSingleEvent(Blackhole bh) throws IOException {
        prepare(mapper.readTree(heaviestEvent), bh);
    }

    @Benchmark
    public void heaviestBatchAtTheBodyLimit(Blackhole bh) throws IOException {
        mapper.readTree(heaviestBatch).get("events").forEach(item -> prepare(item, bh));
    }

    @Benchmark
    public void batchOf1000VectorEvents(Blackhole bh) throws IOException {
        mapper.readTree(vectorBatch).get("events").forEach(item -> prepare(item, bh));
    }
}
