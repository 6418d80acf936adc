package io.liqaudit.ledger;

import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tamper audits of the log, for auditors. */
@Path("/api/v1/ledger/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class LedgerAuditResource {

    private final LedgerAudits audits;
    private final SecurityIdentity identity;

    LedgerAuditResource(LedgerAudits audits, SecurityIdentity identity) {
        this.audits = audits;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Start a tamper audit of every stored event and every checkpoint; answers {id, status}")
    public Uni<Response> start() {
        return audits.start(identity.getPrincipal().getName()).map(a -> Response.accepted(Map.of("id", a.id(), "status",
                a.status())).location(URI.create("/api/v1/ledger/audit/" + a.id())).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An audit's progress and, when DONE, the tampered sequences and the checkpoints that no longer match")
    public Uni<Response> get(@PathParam("id") String idText) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return audits.find(id).map(a -> a.map(v -> Response.ok(v).build())
                .orElseGet(() -> ProblemResponses.of(Problem.of(404, "Not Found", "No audit " + id + "."))));
    }
}
