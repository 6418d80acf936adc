package io.liqaudit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.util.Map;

/** Test-only resource: stores a body's {@code amount} in numeric and the whole body in jsonb. */
@Path("/test-probe/decimals")
@PermitAll
public class DecimalProbeResource {

    public record ProbeView(long id, BigDecimal amount, JsonNode document) {
    }

    @POST
    public Uni<Map<String, Long>> store(JsonNode body) {
        DecimalProbe probe = new DecimalProbe();
        probe.amount = body.get("amount").decimalValue();
        probe.document = body;
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.persist(probe)))
                .map(ignored -> Map.of("id", probe.id));
    }

    @GET
    @Path("{id}")
    public Uni<ProbeView> read(@PathParam("id") long id) {
        // A fresh session, so the values come back from PostgreSQL, not from the first-level cache.
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(DecimalProbe.class, id)))
                .onItem().ifNull().failWith(NotFoundException::new)
                .map(p -> new ProbeView(p.id, p.amount, p.document));
    }
}
