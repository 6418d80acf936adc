package io.liqaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replays the public engine vectors and, for the same events, times Jackson parsing them.
 * One thread, so the scores are per core. Each operation is one event (scores are events/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EngineReplayBenchmark {

    /** The vectors file; the default is where the service's test resources keep it. */
    @Param("src/test/resources/vectors/engine-v1-public.json")
    public String vectors;

    private static final int EVENTS = 81;

    private final ObjectMapper mapper = ExactDecimalJson.newMapper();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<LiquidationEvent> events = new ArrayList<>();

    @Setup
    public void load() throws IOException {
        Path file = Path.of(vectors);
        if (!Files.exists(file)) {
            file = Path.of("..").resolve(vectors); // run from bench/
        }
        for (JsonNode v : mapper.readTree(Files.readAllBytes(file))) {
            inputs.add(v.get("input").toString().getBytes(StandardCharsets.UTF_8));
            events.add(EventJsonReader.readStored(v.get("input")).event());
        }
        if (inputs.size() != EVENTS) {
            throw new IllegalStateException("expected " + EVENTS + " vectors, found " + inputs.size());
        }
    }

    /** The engine alone, on events already parsed. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void replay(Blackhole bh) {
        for (LiquidationEvent e : events) {
            EngineResult r = LiquidationEngine.replay(e);
            bh.consume(r);
        }
    }

    /** Jackson parsing the same events' JSON into a tree (decimals as BigDecimal). */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void jacksonParse(Blackhole bh) throws IOException {
        for (byte[] json : inputs) {
            bh.consume(mapper.readTree(json));
        }
    }

    /** Jackson parsing plus our reader that checks every field and builds the typed event. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void jacksonParseAndRead(Blackhole bh) throws IOException {
        for (byte[] json : inputs) {
            bh.consume(EventJsonReader.readStored(mapper.readTree(json)));
        }
    }
}
