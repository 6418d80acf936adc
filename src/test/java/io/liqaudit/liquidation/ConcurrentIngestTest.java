package io.liqaudit.liquidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 8 clients send overlapping batches with duplicates and conflicts at once. */
@QuarkusTest
class ConcurrentIngestTest {

    static final int CLIENTS = 8;
    static final int BATCHES_PER_CLIENT = 6;
    static final int BATCH_SIZE = 40;

    @Inject
    Pool pool;

    @Test
    void everyEventIsStoredExactlyOnceAndNothingFails() throws Exception {
        String venue = "VENUE-CONC-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        List<ObjectNode> originals = new ArrayList<>();
        List<ObjectNode> variants = new ArrayList<>();
        while (originals.size() < 120) {
            for (ObjectNode e : TestEvents.all()) {
                if (originals.size() == 120) {
                    break;
                }
                e.put("venue", venue);
                originals.add(e);
                ObjectNode variant = e.deepCopy();
                variant.put("ruleVersion", "conflicting");
                variants.add(variant);
            }
        }
        Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            long seed = c;
            done.add(clients.submit(() -> {
                Random random = new Random(seed);
                for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
                    StringBuilder batch = new StringBuilder("{\"events\":[");
                    for (int i = 0; i < BATCH_SIZE; i++) {
                        int k = random.nextInt(originals.size());
                        ObjectNode e = random.nextInt(10) == 0 ? variants.get(k) : originals.get(k);
                        batch.append(i > 0 ? "," : "").append(e);
                    }
                    Response r = TestUsers.as(Roles.INGESTOR).contentType("application/json")
                            .body(batch.append("]}").toString()).post("/api/v1/liquidations/batch");
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 200) {
                        List<String> ids = r.jsonPath().getList("results.eventId");
                        List<String> results = r.jsonPath().getList("results.status");
                        for (int i = 0; i < ids.size(); i++) {
                            if (results.get(i).equals("created")) {
                                created.computeIfAbsent(ids.get(i), x -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertThat(statuses).hasSize(CLIENTS * BATCHES_PER_CLIENT).allMatch(s -> s == 200);
        assertThat(created.values()).allMatch(n -> n.get() == 1);
        long stored = count("select count(*) from liquidation_event where venue = $1", venue);
        long distinct = count("select count(distinct event_id) from liquidation_event where venue = $1", venue);
        assertThat(stored).isEqualTo(distinct).isEqualTo(created.size());
        long events = count("select count(*) from liquidation_event");
        assertThat(count("select coalesce(max(sequence), -1) + 1 from liquidation_event")).as("gap-free").isEqualTo(events);
        assertThat(count("select next_sequence from ledger_head")).isEqualTo(events);
        assertThat(count("select count(*) from merkle_node where level = 0")).as("one log leaf per event").isEqualTo(events);
        assertThat(count("select count(*) from liquidation_event e left join merkle_node n on n.level = 0 and n.idx = e.sequence "
                + "where n.idx is null")).as("each event's leaf is at its sequence").isZero();
        assertThat(count("select count(*) from liquidation_event e left join event_status s on s.event_sequence = e.sequence "
                + "where s.event_sequence is null")).as("every event has its status").isZero();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }
}
