package io.liqaudit.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Re-verification runs: re-replay recorded events with the current engine version. */
@Path("/api/v1/verification/runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class VerificationResource {

    private final VerificationRuns runs;
    private final SecurityIdentity identity;

    VerificationResource(VerificationRuns runs, SecurityIdentity identity) {
        this.runs = runs;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start re-replaying all events, or those matching a filter, in the background",
            description = "Body: {venue, symbol, fundId, verdict, from, to}, each optional ({} for all events). Answers 202 with the run; "
                    + "new recomputations are stored beside the old ones.")
    @APIResponse(responseCode = "202", description = "The run, started",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VerificationRuns.RunView.class)))
    public Uni<Response> start(JsonNode body) {
        RunFilter.Read read = RunFilter.read(body);
        if (read.filter() == null) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The filter is malformed.", read.problems())));
        }
        return runs.start(read.filter(), identity.getPrincipal().getName())
                .map(run -> Response.accepted(run).location(URI.create("/api/v1/verification/runs/" + run.id())).build());
    }

    @GET
    @Operation(summary = "The 50 most recent runs")
    public Uni<List<VerificationRuns.RunView>> recent() {
        return runs.recent();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A run's progress: done, total, rate, time left, and how many verdicts changed")
    @APIResponse(responseCode = "200", description = "The run and its progress",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VerificationRuns.RunView.class)))
    public Uni<Response> get(@PathParam("id") String idText) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return runs.find(id).map(run -> run.map(r -> Response.ok(r).build())
                .orElseGet(() -> ProblemResponses.of(Problem.of(404, "Not Found", "No verification run " + id + "."))));
    }
}
