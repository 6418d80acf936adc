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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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

    /** An audit just started: follow it at /api/v1/ledger/audit/{id}. */
    public record Started(long id, io.liqaudit.platform.JobStatus status) {
    }

    @POST
    @Operation(summary = "Start a tamper audit of every stored event and every checkpoint; answers {id, status}")
    @APIResponse(responseCode = "202", description = "The audit, started",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerAuditResource.Started.class)))
    public Uni<Response> start() {
        return audits.start(identity.getPrincipal().getName()).map(a -> Response.accepted(new Started(a.id(), a.status()))
                .location(URI.create("/api/v1/ledger/audit/" + a.id())).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An audit's progress and, when DONE, the tampered sequences and the checkpoints that no longer match")
    @APIResponse(responseCode = "200", description = "The audit and what it found so far",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerAudits.AuditView.class)))
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
